"""RSS 2.0 feeds: the whole site and each category (Django's syndication framework).

Served as sub-routes of the home page (/rss/) and of each category (/<category>/rss/), so
every feed has a readable address and is cached and invalidated like the pages themselves.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from portal.core.links import page_url, site_url
from portal.core.models import SiteIdentity

FEED_ITEMS = 30


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, *, page, articles, title: str, description: str, titles_of):
        super().__init__()
        self.titles_of = titles_of  # articles → {article id: category title}
        self.page = page
        self.articles = articles
        self.feed_title = title
        self.feed_description = description

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.feed_title

    def description(self):
        return self.feed_description

    def link(self):
        return page_url(self.page) or site_url("/")

    def feed_url(self):
        return site_url(self.request.path)

    def items(self):
        items = list(self.articles[:FEED_ITEMS])
        self.categories = self.titles_of(items)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return page_url(item)

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        category = self.categories.get(item.pk)
        return [category] if category else []


def _site_name(request) -> str:
    return SiteIdentity.for_request(request).site_title or settings.WAGTAIL_SITE_NAME


def site_feed(request, home, *, articles, titles_of):
    name = _site_name(request)
    return ArticleFeed(
        page=home,
        articles=articles,
        title=name,
        description=_("Latest news from %(name)s") % {"name": name},
        titles_of=titles_of,
    )(request)


def category_feed(request, category, *, titles_of):
    name = _site_name(request)
    return ArticleFeed(
        page=category,
        articles=category.articles(),
        title=f"{category.title} – {name}",
        description=_("Latest articles in “%(category)s”") % {"category": category.title},
        titles_of=titles_of,
    )(request)
