"""Reusable StreamField blocks for navigation (menus, quick links, site links)."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class LinkValue(blocks.StructValue):
    def url(self) -> str:
        page = self.get("page")
        if page:
            return page.url or ""
        return self.get("link_url") or ""

    def is_external(self) -> bool:
        return not self.get("page") and bool(self.get("link_url", "").startswith("http"))


class LinkBlock(blocks.StructBlock):
    """A titled link to either a page of this site or an address (never both)."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page of this site"), required=False)
    link_url = blocks.CharBlock(
        label=_("Or an address"),
        required=False,
        max_length=500,
        help_text=_("A full address (https://…) or a path on this site (/lich-tiep-cong-dan/)."),
    )

    class Meta:
        value_class = LinkValue
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        page, link_url = value.get("page"), (value.get("link_url") or "").strip()
        errors = {}
        if bool(page) == bool(link_url):
            errors["link_url"] = ErrorList([ValidationError(_("Choose a page or enter an address, not both."))])
        elif link_url and not (link_url.startswith(("https://", "http://", "/"))):
            errors["link_url"] = ErrorList([ValidationError(_("The address must start with https://, http:// or /."))])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class MenuItemBlock(LinkBlock):
    children = blocks.ListBlock(LinkBlock(), label=_("Sub-menu"), required=False, default=[])

    class Meta:
        value_class = LinkValue
        icon = "list-ul"
        label = _("Menu item")


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label=_("Network"),
        choices=[
            ("facebook", "Facebook"),
            ("youtube", "YouTube"),
            ("zalo", "Zalo"),
            ("tiktok", "TikTok"),
            ("other", _("Other")),
        ],
    )
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "site"
        label = _("Social link")
