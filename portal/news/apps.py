from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "portal.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from portal.core import frontcache, pageviews
        from portal.search.sources import register

        from . import selectors, services, signals  # noqa: F401
        from .search import NEWS_SOURCE

        register(NEWS_SOURCE)
        # An article's views come from the visit pipeline (portal.core.pageviews).
        pageviews.register_counter(add=services.article_views_add, stored=selectors.stored_view_count)
        # nginx's micro-cache refreshes an article's newest siblings and referrers with it.
        frontcache.register_showing(selectors.pages_showing_article)
