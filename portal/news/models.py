"""News: categories (chuyên mục, nested one level) and articles.

The page tree is Home → Category → (Sub-category →) Article. View counts live in their own
table, not on the page: publishing a revision copies every page field from the revision, so
a counter stored on the page would be rolled back by each edit.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core import readable
from portal.core.fragments import fragment_seconds
from portal.core.links import page_url, site_url
from portal.core.pages import AsciiSlugMixin, PortalPageManager, ViewRestrictionsMixin
from portal.core.sitememo import SiteRootPathsMixin
from portal.core.text import fold_for_search, html_text
from portal.search.filters import parse_date_filter

from .blocks import ArticleBodyBlock
from .feeds import category_feed
from .search_tokens import tokens_for

# What a list of articles never shows: the body (a StreamField, parsed from JSON for every row
# loaded: 37 bodies on the home page). Only the article page itself reads it.
LISTING_DEFERRED = ("body",)
# What a card in a listing reads (title, address, date, summary, image): loading only these
# builds each page object in a fraction of the time (37 cards on the home page).
CARD_FIELDS = ("title", "slug", "url_path", "path", "depth", "date", "summary", "featured_image", "featured_image_alt")
SURROUNDINGS_SECONDS = 600  # a bound only: the "pages" cache is emptied by any change of content


class CategoryPage(SiteRootPathsMixin, ViewRestrictionsMixin, AsciiSlugMixin, RoutablePageMixin, Page):
    """A news category. Top-level categories sit under the home page; one more level is allowed.
    Its RSS feed is the sub-route rss/."""

    objects = PortalPageManager()

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    show_in_home = models.BooleanField(_("show latest articles on the home page"), default=True)

    parent_page_types = ["home.HomePage", "news.CategoryPage"]
    subpage_types = ["news.ArticlePage", "news.CategoryPage"]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("show_in_home")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")

    @classmethod
    def can_create_at(cls, parent) -> bool:
        # Categories nest one level only: a sub-category's parent must be a top-level category.
        if not super().can_create_at(parent):
            return False
        specific_parent = parent.specific_class
        if specific_parent is CategoryPage:
            return not isinstance(parent.get_parent().specific, CategoryPage)
        return True

    def clean(self) -> None:
        super().clean()
        parent = self.get_parent() if self.pk else None
        if parent is not None and isinstance(parent.specific, CategoryPage):
            if isinstance(parent.get_parent().specific, CategoryPage):
                raise ValidationError(_("Categories can be nested one level only."))

    @path("rss/", name="rss")
    def rss(self, request):
        return category_feed(request, self, titles_of=CategoryPage.titles_of)

    @staticmethod
    def titles_of(articles) -> dict[int, str]:
        """Title of each article's category, in one query (the parent's tree path is a prefix)."""
        parent_path = {a.pk: a.path[: -ArticlePage.steplen] for a in articles}
        titles = dict(CategoryPage.objects.filter(path__in=set(parent_path.values())).values_list("path", "title"))
        return {pk: titles.get(path, "") for pk, path in parent_path.items()}

    def articles(self):
        """Live articles of this category and its sub-categories, newest first."""
        return (
            ArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("featured_image")
            .defer(*LISTING_DEFERRED)
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        date_filter = parse_date_filter(request.GET)
        start, end = date_filter.bounds()
        articles = self.articles()
        if start:
            articles = articles.filter(date__gte=start)
        if end:
            articles = articles.filter(date__lt=end)
        try:  # what Paginator.page() makes of it: not a number → the first page
            number = int(request.GET.get("page", 1))
        except (TypeError, ValueError):
            number = 1

        def listing():
            paginator = Paginator(articles, settings.PORTAL_ARTICLES_PER_PAGE)
            try:
                return paginator.page(number)
            except EmptyPage:
                return paginator.page(paginator.num_pages)

        # Read only when drawn: the listing is a fragment of the "pages" cache, keyed by the page
        # number and the dates (category_page.html), which every publish empties.
        page_obj = SimpleLazyObject(listing)
        context.update(
            articles=SimpleLazyObject(lambda: page_obj.object_list),
            page_obj=page_obj,
            page_number=number,
            fragment_seconds=fragment_seconds(request),  # none kept for a preview
            date_filter=date_filter,
            # Through our manager: its public() reads no view restriction when there is none.
            subcategories=CategoryPage.objects.child_of(self).live().public(),
        )
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(SiteRootPathsMixin, ViewRestrictionsMixin, AsciiSlugMixin, Page):
    objects = PortalPageManager()
    # Shown on every view, loaded with the page (portal.core.pages.RouteMemoMixin).
    route_select_related = ("featured_image", "view_counter")
    summary = models.TextField(_("summary"), max_length=1000, help_text=_("The lead paragraph (sapo)."))
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_alt = models.CharField(_("featured image alternative text"), max_length=250, blank=True)
    author = models.CharField(_("author / source"), max_length=200, blank=True)
    date = models.DateTimeField(_("publication date"), default=timezone.now, db_index=True)
    is_featured = models.BooleanField(_("featured on the home page"), default=False)
    source_url = models.URLField(_("original address"), max_length=500, blank=True, db_index=True, editable=False)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["news.CategoryPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("featured_image"), FieldPanel("featured_image_alt")], heading=_("Featured image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("is_featured"), FieldPanel("tags")],
            heading=_("Publication"),
        ),
        InlinePanel("related_links", label=_("Related articles"), max_num=10),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("search_folded"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self) -> None:
        super().clean()
        if self.featured_image_id and not self.featured_image_alt.strip():
            raise ValidationError(
                {"featured_image_alt": _("Describe the featured image for readers who cannot see it.")}
            )

    @property
    def category(self) -> CategoryPage | None:
        parent = self.get_parent()
        return parent.specific if parent else None

    def body_text(self) -> str:
        """Plain text of the body, for search, the API and read-aloud."""
        parts: list[str] = []
        for block in self.body:
            if block.block_type == "paragraph":
                parts.append(html_text(block.value.source))
            elif block.block_type == "image":
                parts.append(block.value.get("caption") or "")
            elif block.block_type == "quote":
                parts.append(block.value.get("text") or "")
            elif block.block_type == "table":
                for row in (block.value or {}).get("data") or []:
                    parts.append(" ".join(str(cell) for cell in row if cell))
        return "\n".join(p.strip() for p in parts if p and p.strip())

    def read_aloud_parts(self) -> list[readable.Part]:
        """What "Đọc bài viết" reads, in order (portal.core.readable): the title, the summary,
        the paragraphs, the captions of images, videos and tables, and quotes."""
        parts = [readable.Part(readable.TITLE, self.title), readable.Part(readable.SUMMARY, self.summary)]
        for block in self.body:
            kind, value = block.block_type, block.value
            if kind == "paragraph":
                parts.append(readable.Part(readable.BODY, value.source, html=True))
            elif kind in ("image", "video") and value.get("caption"):
                announce = "Ảnh: " if kind == "image" else "Video: "
                parts.append(readable.Part(readable.CAPTION, value["caption"], announce=announce))
            elif kind == "quote":
                parts.append(readable.Part(readable.BODY, value["text"]))
                if value.get("attribution"):
                    parts.append(readable.Part(readable.BODY, value["attribution"]))
            elif kind == "table" and isinstance(value, dict) and value.get("table_caption"):
                parts.append(readable.Part(readable.CAPTION, value["table_caption"], announce="Bảng: "))
        return parts

    def search_folded(self) -> str:
        """Diacritic-free copy indexed for readers who type without marks (see DESIGN.md)."""
        return fold_for_search(" ".join([self.title, self.summary, self.body_text()]))

    def search_text(self, categories: dict[str, int] | None = None) -> str:
        """What the public search matches: the folded title, summary, body and tags, then the
        filter tokens of its categories and year (search_tokens.py; `categories` is
        category_paths() below, read here when not given)."""
        tags = " ".join(tag.name for tag in self.tags.all())
        text = fold_for_search(" ".join([self.title, self.summary, self.body_text(), tags]))
        tokens = tokens_for(self.path, self.date, category_paths() if categories is None else categories)
        return " ".join([text, *tokens])

    @cached_property
    def view_count(self) -> int:
        if ArticlePage.view_counter.is_cached(self):  # loaded with the page (route_select_related)
            try:
                return self.view_counter.count
            except ArticleViewCount.DoesNotExist:  # no view yet
                return 0
        return ArticleViewCount.count_for(self.pk)

    def other_articles(self, *, limit: int) -> list[ArticlePage]:
        """'Bài viết khác': the newest other live articles of the same category."""
        if self.depth < 2:
            return []
        newest = self._surroundings(limit)["newest"]
        return [article for article in newest if article.pk != self.pk][:limit]

    def _surroundings(self, limit: int) -> dict:
        """What every article of a category shows alike: its live ancestors below the home page
        (the breadcrumbs, the category last) and the category's newest `limit + 1` articles
        (this one is left out afterwards). Kept in the "pages" cache, which any publish,
        unpublish, move or deletion empties (portal.core.signals), so a category's articles
        share one copy until its content changes instead of two queries each."""
        parent_path = self.path[: -self.steplen]
        key = f"article-surroundings:{parent_path}:{limit}"
        cache = caches["pages"]
        found = cache.get(key)
        if found is None:
            crumbs = self.get_ancestors().filter(depth__gt=2).specific(defer=True).live()
            newest = ArticlePage.newest_beside(self).only(*CARD_FIELDS)
            found = {"crumbs": list(crumbs), "newest": list(newest[: limit + 1])}
            cache.set(key, found, SURROUNDINGS_SECONDS)
        return found

    @staticmethod
    def newest_beside(page):
        """The live, public articles of `page`'s category (it included), newest first, found from
        its tree path: no query for the category itself (its path is `page`'s less one step)."""
        siblings = ArticlePage.objects.live().public().filter(path__startswith=page.path[: -page.steplen])
        return siblings.filter(depth=page.depth).order_by("-date", "-pk")

    def related_articles(self) -> list[ArticlePage]:
        ids = [link.related_page_id for link in self.related_links.all()]
        if not ids:
            return []
        found = {
            page.pk: page for page in ArticlePage.objects.live().public().defer(*LISTING_DEFERRED).filter(pk__in=ids)
        }
        return [found[i] for i in ids if i in found]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when drawn: the article's parts are fragments of the "pages" cache (article_page.html).
        context["other_articles"] = SimpleLazyObject(lambda: self.other_articles(limit=settings.PORTAL_OTHER_ARTICLES))
        context["related_articles"] = SimpleLazyObject(self.related_articles)
        crumbs = self._surroundings(settings.PORTAL_OTHER_ARTICLES)["crumbs"]
        context["breadcrumbs"] = crumbs
        # The category (its feed in <head>) is the last crumb; its own query only when not live.
        context["category"] = crumbs[-1] if crumbs and crumbs[-1].depth == self.depth - 1 else self.get_parent()
        context["meta"] = SimpleLazyObject(lambda: self.social_metadata(request))
        context["fragment_seconds"] = fragment_seconds(request)  # the key names the publication
        return context

    def social_metadata(self, request) -> dict:
        """Canonical address, Open Graph / Twitter card values and schema.org NewsArticle data."""
        from portal.core.models import SiteIdentity

        identity = SiteIdentity.for_request(request)
        url = page_url(self)
        image_url = ""
        if self.featured_image:
            image_url = site_url(self.featured_image.get_rendition("fill-1200x630").url)
        publisher = {"@type": "GovernmentOrganization", "name": identity.department_name or identity.site_title}
        if identity.emblem:
            publisher["logo"] = {
                "@type": "ImageObject",
                "url": site_url(identity.emblem.get_rendition("height-120").url),
            }
        structured = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_published_at or self.date).isoformat(),
            "mainEntityOfPage": url,
            "inLanguage": "vi",
            "publisher": publisher,
            "author": {"@type": "Organization", "name": self.author or publisher["name"]},
        }
        if image_url:
            structured["image"] = [image_url]
        return {
            "canonical": url,
            "description": (self.search_description or self.summary)[:300],
            "image": image_url,
            "site_name": identity.site_title,
            "structured": structured,
        }


class ArticleRelatedLink(Orderable):
    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_page", ["news.ArticlePage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")


class ArticleViewCount(models.Model):
    """How many times an article was read. One row per article, incremented atomically."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="view_counter"
    )
    count = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("view count")

    @classmethod
    def count_for(cls, article_id: int) -> int:
        return cls.objects.filter(page_id=article_id).values_list("count", flat=True).first() or 0


def category_paths() -> dict[str, int]:
    """{tree path: id} of every category page, for the search index's category tokens (a few
    dozen rows; read once per indexing run)."""
    return dict(CategoryPage.objects.values_list("path", "pk"))


class ArticleSearchText(models.Model):
    """The folded text of a live article (title, summary, body, tags), the public search's own
    index: one row per live article keyed by its page id. SQLite indexes it with an FTS5
    table kept in step by triggers, PostgreSQL with a generated tsvector column and a GIN
    index (both created by migration 0002). Written on publish, removed on unpublish."""

    page = models.OneToOneField("wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+")
    text = models.TextField()
    # The article's date, for PostgreSQL's date ranges (combined with the text's GIN index in one
    # bitmap); SQLite narrows by the month tokens at the end of `text` (search_tokens.py).
    date = models.DateTimeField(null=True, db_index=True)

    class Meta:
        verbose_name = _("search text")
