"""The editors' screens in Vietnamese where Wagtail's own text cannot be translated through its
catalogue: labels it builds from field names or hard-codes, the approval button that names the
workflow, and the help menu that links to the English guide.

Registered from core/wagtail_hooks.py; the strings themselves are in portal/locale_admin
(Wagtail's msgids, so they can be contributed upstream) and portal/locale.
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem


class SubmitForApprovalMenuItem(SubmitForModerationMenuItem):
    """ "Gửi duyệt" / "Gửi duyệt lại" instead of "Submit to <workflow name>" (which reads
    "Thực hiện Duyệt bài viết" in Vietnamese): the editor sends the article to be approved."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Submit again for approval")
        else:
            context["label"] = _("Submit for approval")
        return context


def relabel_submit_item(menu_items, request, context) -> None:
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitForApprovalMenuItem(order=item.order)


def label_site_columns() -> None:
    """Wagtail's Sites listing makes three column headers from field names ("Port", "Site name",
    "Root page"): they take the fields' translated names instead."""
    from wagtail.models import Site
    from wagtail.sites.views import IndexView

    for column in IndexView.columns:
        if column.name in ("port", "site_name", "root_page"):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)  # stays lazy


def editors_guide_menu(request, menu_items) -> None:
    """The help menu: Wagtail's English guide and its "what's new" notice give way to the
    portal's own guide in Vietnamese (docs/editors-guide.md, shown in the admin)."""
    menu_items[:] = [
        item for item in menu_items if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.append(
        MenuItem(
            _("Editors' guide"), reverse("portal_editors_guide"), icon_name="help", order=1000, name="portal-guide"
        )
    )


def guide_urls():
    from .admin_guide import editors_guide

    return [path("huong-dan-bien-tap/", editors_guide, name="portal_editors_guide")]
