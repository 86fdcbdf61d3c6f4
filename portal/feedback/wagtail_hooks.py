from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.core.permissions import ReadOnlyPolicy

from .models import Petition, PetitionField
from .selectors import petition_counters

DEFAULT_FIELDS = [
    "Khoa học và công nghệ",
    "Sở hữu trí tuệ",
    "Tiêu chuẩn – Đo lường – Chất lượng",
    "Năng lượng nguyên tử, an toàn bức xạ và hạt nhân",
    "Ứng dụng công nghệ thông tin, chuyển đổi số",
    "Thủ tục hành chính",
    "Khác",
]


@hooks.register("portal_sidebar_widgets")
def petition_counters_box(request):
    counters = petition_counters()
    # For citizens a petition waiting to be classified is being processed too.
    processing = counters["processing"] + counters["received"]
    return render_to_string("feedback/sidebar_counters.html", {"counters": counters, "processing": processing}, request=request)


@hooks.register("portal_setup")
def seed_fields(home):
    if not PetitionField.objects.exists():
        PetitionField.objects.bulk_create(PetitionField(name=name, order=i) for i, name in enumerate(DEFAULT_FIELDS))


class PetitionFieldViewSet(SnippetViewSet):
    model = PetitionField
    icon = "tag"
    menu_label = _("Petition fields")
    list_display = ["name", "order", "active"]


register_snippet(PetitionFieldViewSet)


# Petitions come only from citizens; their handling goes through services that record every
# change, never through a generic edit form.
register_permission_policy(Petition, ReadOnlyPolicy(Petition))


class PetitionViewSet(ModelViewSet):
    model = Petition
    icon = "mail"
    menu_label = _("Petitions (PAKN)")
    name = "petitions"
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_enabled = True
    form_fields = ["status"]  # required by ModelViewSet; edit views are never allowed
    list_display = ["code", "title", "area", "status", "submitted_at", "classify_due"]
    list_filter = ["status", "area"]
    search_fields = ["code", "title"]
    inspect_view_fields = ["code", "title", "content", "area", "full_name", "address", "phone", "email", "publish_allowed", "consent_at", "status", "submitted_at", "classify_due"]


@hooks.register("register_admin_viewset")
def register_petition_viewset():
    return PetitionViewSet()
