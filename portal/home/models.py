"""The home page: featured articles, the newest articles of each category, quick links."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.core.fragments import fragment_seconds
from portal.core.pages import AsciiSlugMixin, PortalPageManager, RouteMemoMixin, ViewRestrictionsMixin
from portal.core.sitememo import SiteRootPathsMixin
from portal.news import selectors as news


class HomePage(SiteRootPathsMixin, RouteMemoMixin, ViewRestrictionsMixin, AsciiSlugMixin, Page):
    objects = PortalPageManager()
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    featured_count = models.PositiveSmallIntegerField(_("number of featured articles"), default=5)
    per_category = models.PositiveSmallIntegerField(_("articles per category"), default=4)

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.CategoryPage"]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("featured_count"),
        FieldPanel("per_category"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template draws them: the news part of the page is a fragment of
        # the "pages" cache (home_page.html), which every publish empties.
        context["featured"] = SimpleLazyObject(lambda: news.featured_articles(limit=self.featured_count))
        context["sections"] = SimpleLazyObject(
            lambda: news.latest_by_category(home=self, per_category=self.per_category)
        )
        context["fragment_seconds"] = fragment_seconds(request)  # none kept for a preview
        return context
