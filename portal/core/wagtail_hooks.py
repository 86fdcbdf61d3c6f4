from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CalendarDay


class CalendarDayViewSet(SnippetViewSet):
    """Lịch ngày nghỉ: the department's own days off and extra working days (every change is
    in Wagtail's action log)."""

    model = CalendarDay
    icon = "date"
    menu_label = _("Days off and working days")
    list_display = ["date", "working", "reason"]
    list_filter = ["working"]
    ordering = ["-date"]


register_snippet(CalendarDayViewSet)
