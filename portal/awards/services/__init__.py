"""Every change of the awards cycle: each service checks where it starts from, refuses with a
Vietnamese message (AwardsActionError) and changes nothing otherwise, and logs who did it."""

from .common import AwardsActionError
from .council import meeting_close, meeting_votes
from .decisions import decision_confer
from .disclosure import (
    CommentInvalid,
    comment_challenge_needed,
    disclosure_comment,
    disclosure_comment_purge,
    disclosure_end,
    is_open,
    nomination_disclose,
)
from .nominations import (
    nomination_check,
    nomination_create,
    nomination_documents,
    nomination_override,
    nomination_submit,
    nomination_withdraw,
)
from .records import year_record_count_members
from .setup import seed_settings

__all__ = [
    "year_record_count_members",
    "AwardsActionError",
    "CommentInvalid",
    "comment_challenge_needed",
    "disclosure_comment",
    "disclosure_comment_purge",
    "disclosure_end",
    "is_open",
    "nomination_disclose",
    "decision_confer",
    "meeting_close",
    "meeting_votes",
    "nomination_check",
    "nomination_create",
    "nomination_documents",
    "nomination_override",
    "nomination_submit",
    "nomination_withdraw",
    "seed_settings",
]
