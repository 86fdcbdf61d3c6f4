"""Writes on citizen petitions, one module per stage of the workflow (portal.feedback.workflow):
submission, handling, answers, publication, ratings, reminders. Views, the API, the admin,
commands and the demo call these names."""

from ..anonymise import anonymise
from ..errors import PetitionActionError, PetitionChallenge, PetitionInvalid, PetitionRateLimited
from .answers import petition_answer_approve, petition_answer_return, petition_answer_save
from .handling import (
    petition_accept,
    petition_assign,
    petition_extend,
    petition_merge,
    petition_note,
    petition_refuse,
    petition_transfer,
)
from .publication import petition_publish, petition_unpublish
from .ratings import petition_rate, site_rating_submit
from .reminders import petition_reminders_send
from .submission import SubmitResult, petition_submit
from .tracking import petition_track_lookup

__all__ = [
    "PetitionActionError",
    "PetitionChallenge",
    "PetitionInvalid",
    "PetitionRateLimited",
    "SubmitResult",
    "anonymise",
    "petition_accept",
    "petition_answer_approve",
    "petition_answer_return",
    "petition_answer_save",
    "petition_assign",
    "petition_extend",
    "petition_merge",
    "petition_note",
    "petition_publish",
    "petition_rate",
    "petition_refuse",
    "petition_reminders_send",
    "petition_submit",
    "petition_track_lookup",
    "petition_transfer",
    "petition_unpublish",
    "site_rating_submit",
]
