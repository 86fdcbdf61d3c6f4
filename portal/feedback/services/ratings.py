"""Satisfaction: the citizen's rating of the answer (from the tracking page) and the portal-wide
"how satisfied are you?" widget in every footer."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import ratelimit

from .. import keys
from ..errors import PetitionActionError, PetitionRateLimited
from ..models import Petition, PetitionEvent, PetitionRating, PetitionStatus, SiteRating
from ..text import check_length, clean_text


def _rating_input(score, comment: str) -> tuple[int, str]:
    """A score 1–5 and a comment of at most 1,000 characters (both rating forms)."""
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise PetitionActionError(_("Choose a rating from 1 to 5."))
    return score, check_length(clean_text(comment, multiline=True), 1000)


def petition_rate(*, petition: Petition, score, comment: str = "") -> PetitionRating:
    """The citizen's satisfaction with the answer, 1 (not at all) to 5 (very); a later rating
    replaces the earlier one."""
    score, comment = _rating_input(score, comment)
    target = petition.merged_into if petition.status == PetitionStatus.MERGED and petition.merged_into else petition
    if target.status != PetitionStatus.ANSWERED:
        raise PetitionActionError(_("An answer can be rated once it has been given."))
    with transaction.atomic():
        rating, _created = PetitionRating.objects.update_or_create(
            petition=petition, defaults={"score": score, "comment": comment}
        )
        PetitionEvent.objects.create(
            petition=petition,
            action="rated",
            public=False,
            status_from=petition.status,
            status_to=petition.status,
            internal_note=f"{score}/5",
        )
    return rating


def site_rating_submit(*, score, comment: str = "", ip: str = "") -> SiteRating:
    """One anonymous answer to "how satisfied are you with the portal?". One per address per
    day is counted (kept in the cache as a keyed hash, never in the database)."""
    score, comment = _rating_input(score, comment)
    key = keys.bucket("site-rating", f"{timezone.localdate().isoformat()}:{ip}")
    if not ratelimit.once(key, 86400):
        raise PetitionRateLimited(_("Thank you: your rating of today has already been recorded."))
    rating = SiteRating(score=score, comment=comment)
    rating.full_clean()
    rating.save()
    return rating
