"""News views outside the page tree: the site-wide RSS feed (/rss/)."""

from django.http import Http404
from django.views.decorators.http import require_safe
from wagtail.models import Site

from . import selectors
from .feeds import site_feed
from .models import CategoryPage


@require_safe
def site_rss(request):
    """Every live public article of the site, newest first (cached and invalidated like pages)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site_feed(request, site.root_page, articles=selectors.live_articles(), titles_of=CategoryPage.titles_of)
