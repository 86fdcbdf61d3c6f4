from wagtail import hooks


@hooks.register("portal_setup")
def index_existing_articles(home):
    """A database from before the public search index (or restored without it) gets its live
    articles indexed once, by `setup_portal` (which `make run` runs)."""
    from .models import ArticlePage, ArticleSearchText
    from .services import article_search_index_rebuild

    if not ArticleSearchText.objects.exists() and ArticlePage.objects.live().exists():
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
