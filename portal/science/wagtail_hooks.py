from django.contrib.auth.models import Group, Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import admin_views
from .roles import TASK_MANAGERS
from .viewsets import ScienceGroup

register_snippet(ScienceGroup)


@hooks.register("register_admin_urls")
def science_urls():
    return [
        path("science/import/", admin_views.TaskImportView.as_view(), name="science_import"),
        path(
            "science/indicators/import/",
            admin_views.IndicatorImportView.as_view(),
            name="science_indicator_import",
        ),
        path("science/indicators/export/", admin_views.indicator_export_view, name="science_indicator_export"),
    ]


@hooks.register("register_log_actions")
def science_log_actions(actions):
    for action, label in (
        ("create", _("Register an S&T task")),
        ("edit", _("Edit an S&T task")),
        ("approve", _("Approve an S&T task")),
        ("start", _("Start an S&T task")),
        ("extend", _("Extend an S&T task")),
        ("accept", _("Record the acceptance of an S&T task")),
        ("terminate", _("Stop an S&T task")),
        ("import", _("Import an S&T task from a file")),
        ("indicator_import", _("Import an S&T indicator value from a file")),
    ):
        actions.register_action(f"portal.science.{action}", label, label)


@hooks.register("portal_setup")
def science_setup(home):
    """The group that keeps the registry: the only one (besides administrators) that may add,
    edit and move S&T tasks and host organisations."""
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    managers, _created = Group.objects.get_or_create(name=TASK_MANAGERS)
    managers.permissions.add(access_admin, *Permission.objects.filter(content_type__app_label="science"))


@hooks.register("portal_demo", order=70)
def science_demo(home):
    from .demo import demo_tasks
    from .demo_indicators import demo_indicators

    return "\n".join(line for line in (demo_tasks(), demo_indicators()) if line)


@hooks.register("portal_public_addresses")
def science_addresses():
    from portal.core.links import PublicAddress

    return [
        PublicAddress(_("S&T tasks under way"), reverse("science_running")),
        PublicAddress(_("Results of S&T tasks"), reverse("science_results")),
        PublicAddress(_("S&T statistics"), reverse("science_statistics")),
        PublicAddress(_("S&T open data"), reverse("science_open_data")),
    ]
