"""Reads on citizen petitions: the public counters and the citizen's own lookup."""

from __future__ import annotations

import hmac

from django.core.cache import cache
from django.db.models import Count

from .models import Petition, PetitionStatus

COUNTERS_KEY = "feedback:counters"
COUNTERS_SECONDS = 60


def petition_counters() -> dict[str, int]:
    """{"answered", "processing", "refused", "received"}: live counts, cached at most a minute
    and dropped whenever a petition is submitted or changes status."""
    counts = cache.get(COUNTERS_KEY)
    if counts is None:
        rows = dict(Petition.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
        counts = {
            "answered": rows.get(PetitionStatus.ANSWERED, 0),
            "processing": rows.get(PetitionStatus.PROCESSING, 0),
            "refused": rows.get(PetitionStatus.REFUSED, 0),
            "received": rows.get(PetitionStatus.RECEIVED, 0),
        }
        cache.set(COUNTERS_KEY, counts, COUNTERS_SECONDS)
    return counts


def counters_changed() -> None:
    cache.delete(COUNTERS_KEY)


def petition_lookup(*, code: str, key: str = "", contact: str = "") -> Petition | None:
    """The petition with this code when the key (or the phone / e-mail given with it) matches;
    None otherwise, the same way whether the code exists or not."""
    from .services import normalize_phone, petition_key

    code = (code or "").strip().upper()
    petition = Petition.objects.filter(code=code).select_related("area").first()
    given_key = "".join((key or "").split()).upper()
    if petition is None:
        hmac.compare_digest("x" * 10, given_key or "y")  # same work for unknown codes
        return None
    if given_key and hmac.compare_digest(petition_key(petition), given_key):
        return petition
    contact = (contact or "").strip()
    if contact:
        if "@" in contact and petition.email and hmac.compare_digest(petition.email, contact.lower()):
            return petition
        phone = normalize_phone(contact)
        if petition.phone and phone and hmac.compare_digest(petition.phone, phone):
            return petition
    return None
