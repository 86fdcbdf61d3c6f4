from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "portal.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from portal.search.sources import register

        from . import signals  # noqa: F401
        from .search import NEWS_SOURCE

        register(NEWS_SOURCE)
