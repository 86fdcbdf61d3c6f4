from wagtail import hooks


@hooks.register("portal_setup")
def index_existing_articles(home):
    """A database from before the public search index (or restored without it), or whose index
    predates the filter tokens (search_tokens.py), gets its live articles indexed again once,
    by `setup_portal` (which `make run` and every upgrade run)."""
    from .models import ArticlePage, ArticleSearchText
    from .search_tokens import MONTH
    from .services import article_search_index_rebuild

    first = ArticleSearchText.objects.order_by("pk").values_list("text", "date").first()
    if first is None:
        stale = ArticlePage.objects.live().exists()
    else:
        stale = f" {MONTH}" not in first[0] or ArticleSearchText.objects.filter(date__isnull=True).exists()
    if stale:
        article_search_index_rebuild()


@hooks.register("portal_demo", order=10)
def demo_news(home):
    from .demo import demo_news_seed

    return demo_news_seed(home)


@hooks.register("portal_public_addresses")
def news_feed_address():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    from portal.core.links import PublicAddress

    return [PublicAddress(_("News (RSS)"), reverse("rss"), in_xml_sitemap=False)]  # a feed, not a page
