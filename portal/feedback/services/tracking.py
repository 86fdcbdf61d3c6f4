"""Looking up a petition by its code and its key (or the phone / e-mail given with it), for the
tracking page and the API, behind limits: per address, and per code from anywhere, with the
question after repeated failures as on submission (portal.core.ratelimit.LookupLimits)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from portal.core import ratelimit, tracking
from portal.core.challenge import challenge_passed

from .. import keys
from ..errors import PetitionChallenge, PetitionRateLimited
from ..models import Petition
from ..selectors import petition_lookup


def _limits() -> ratelimit.LookupLimits:
    return ratelimit.LookupLimits(
        per_address=settings.FEEDBACK_LOOKUPS_PER_IP_HOUR,
        question_after=settings.FEEDBACK_LOOKUP_QUESTION_AFTER,
        failures_per_code=settings.FEEDBACK_LOOKUP_FAILURES_PER_CODE_HOUR,
    )


def petition_track_lookup(
    *, code: str, key: str = "", contact: str = "", ip: str, challenge_token: str = "", challenge_answer: str = ""
) -> Petition | None:
    """The petition, or None when nothing matches (the same for a wrong key and an unknown
    code). PetitionRateLimited past the limits; PetitionChallenge when the question must be
    answered first (after repeated failures from this address or on this code)."""
    normalized = tracking.normalize_code(code)
    state = ratelimit.lookup_state(keys.SCOPE, ip=ip, code=normalized, limits=_limits())
    if state == ratelimit.LIMITED:
        raise PetitionRateLimited(_("Too many lookups were made in a short time. Please try again later."))
    if state == ratelimit.QUESTION and not challenge_passed(challenge_token, challenge_answer):
        raise PetitionChallenge(
            {"challenge": [_("Please answer the question below (asked after several unsuccessful lookups).")]}
        )
    petition = petition_lookup(code=code, key=key, contact=contact)
    if petition is None:
        ratelimit.lookup_failed(keys.SCOPE, ip=ip, code=normalized)
    return petition
