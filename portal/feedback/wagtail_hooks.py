from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.core.fragments import render_plain
from portal.core.permissions import ReadOnlyPolicy
from portal.core.reports import register_report

from . import admin_views
from .demo import demo_petitions
from .models import Petition, PetitionField, PetitionUnit
from .roles import LEADER_PERMISSIONS, LEADERS, OFFICER_PERMISSIONS, OFFICERS
from .selectors import petition_counters, published_questions
from .viewsets import PetitionViewSet

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
    # Drawn without the request (it needs none of what the context processors add), once per
    # process for the same numbers.
    return render_plain("feedback/sidebar_counters.html", counters=counters, processing=processing)


@hooks.register("portal_footer_widgets")
def site_rating_widget(request, page):
    """The portal-wide satisfaction question (đánh giá mức độ hài lòng) in every footer, except
    on its own page, whose content is the question (one copy per page: its ids are unique)."""
    match = getattr(request, "resolver_match", None)
    if match and match.url_name == "site_rating":
        return ""
    return render_plain("feedback/site_rating.html", next=request.path if request else "/")


@hooks.register("portal_setup")
def seed_fields(home):
    if not PetitionField.objects.exists():
        PetitionField.objects.bulk_create(PetitionField(name=name, order=i) for i, name in enumerate(DEFAULT_FIELDS))
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for name, codenames in ((OFFICERS, OFFICER_PERMISSIONS), (LEADERS, LEADER_PERMISSIONS)):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            access_admin, *Permission.objects.filter(content_type__app_label="feedback", codename__in=codenames)
        )


class PetitionFieldViewSet(SnippetViewSet):
    model = PetitionField
    icon = "tag"
    menu_label = _("Petition fields")
    list_display = ["name", "order", "active"]


class PetitionUnitViewSet(SnippetViewSet):
    model = PetitionUnit
    icon = "group"
    menu_label = _("Handling units")
    list_display = ["name", "email", "active"]


register_snippet(PetitionFieldViewSet)
register_snippet(PetitionUnitViewSet)

# Petitions come only from citizens; their handling goes through services that record every
# change, never through a generic edit form.
register_permission_policy(Petition, ReadOnlyPolicy(Petition))


@hooks.register("register_admin_viewset")
def register_petition_viewset():
    return PetitionViewSet()


register_report(
    name="petitions_report",
    url_path="petitions/",
    view=admin_views.PetitionReportView.as_view(),
    label=_("Petition report"),
    permission="feedback.view_petition_report",
    order=1010,
)
register_report(
    name="satisfaction_report",
    url_path="satisfaction/",
    view=admin_views.SatisfactionReportView.as_view(),
    label=_("Satisfaction ratings"),
    permission="feedback.view_petition_report",
    order=1020,
)


ACTIONS = [
    ("accepted", _("Accept petition"), _("Accepted petition")),
    ("assigned", _("Assign petition"), _("Assigned petition")),
    ("note", _("Note on petition"), _("Added a note to petition")),
    ("extended", _("Extend petition deadline"), _("Extended petition deadline")),
    ("refused", _("Refuse petition"), _("Refused petition")),
    ("transferred", _("Transfer petition"), _("Transferred petition")),
    ("merged", _("Merge petition"), _("Merged petition")),
    ("answer_drafted", _("Draft answer"), _("Drafted an answer")),
    ("answer_submitted", _("Submit answer"), _("Submitted an answer for approval")),
    ("answer_returned", _("Return answer"), _("Returned an answer for changes")),
    ("answered", _("Approve answer"), _("Approved an answer")),
    ("published", _("Publish answer"), _("Published a petition in the questions and answers")),
    ("unpublished", _("Withdraw answer"), _("Withdrew a petition from the questions and answers")),
    ("file_download", _("Download petition file"), _("Downloaded a petition file")),
]


@hooks.register("register_log_actions")
def register_petition_actions(actions):
    for name, label, message in ACTIONS:
        actions.register_action(f"portal.feedback.{name}", label, message)


hooks.register("portal_demo", demo_petitions, order=50)


@hooks.register("portal_scheduled_jobs")
def petition_jobs():
    from portal.core.jobs import Job

    # Deadline reminders (each petition at most once a day).
    return [
        Job("petition_reminders", "petition_reminders", order=40),
        # Personal data of petitions closed longer than FEEDBACK_RETENTION_DAYS (once a day).
        Job("petition_purge", "petition_purge", every=86_400, order=95),
    ]


@hooks.register("portal_sensitive_permissions")
def petitions_are_personal_data():
    # Whoever can read petitions sees citizens' names, addresses and contacts: two-step sign-in.
    return ["feedback.view_petition"]


@hooks.register("portal_public_addresses")
def petition_addresses():
    from portal.core.links import PublicAddress

    return [
        PublicAddress(_("Petitions (phản ánh, kiến nghị)"), reverse("petitions_home")),
        PublicAddress(_("Send a petition"), reverse("petition_form")),
        PublicAddress(_("Follow a petition"), reverse("petition_track")),
        PublicAddress(_("Questions and answers"), reverse("questions")),
        PublicAddress(_("Satisfaction with the portal"), reverse("site_rating")),
    ] + [
        # Each published answer of Hỏi đáp, for search engines (the HTML map lists Hỏi đáp itself).
        PublicAddress(p.title, reverse("question", args=[p.slug]), in_html_sitemap=False, lastmod=p.published_at)
        for p in published_questions().select_related(None).only("title", "slug", "published_at")
    ]
