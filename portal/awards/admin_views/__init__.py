"""The awards pages of the Wagtail admin: the checker's answer for a subject (check), a
nomination's dossier (nominations), a council meeting's ballot and minutes (council) and a
decision's recipients and prizes (decisions). Each step is a service; a refused step shows its
message and changes nothing."""

from .check import check
from .council import MeetingView, meeting_minutes
from .decisions import DecisionView, decision_export
from .nominations import NominationCreateView, NominationEditView, NominationView
from .reports import DashboardView, StatisticsView

__all__ = [
    "DashboardView",
    "DecisionView",
    "MeetingView",
    "NominationCreateView",
    "NominationEditView",
    "NominationView",
    "StatisticsView",
    "check",
    "decision_export",
    "meeting_minutes",
]
