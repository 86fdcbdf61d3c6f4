"""Reads on citizen petitions: the public counters and the citizen's own lookup."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.cache import caches
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import tracking
from portal.core.calendar import start_of_day

from .models import Petition, PetitionStatus

# In the "pages" cache, read once per request with its generation (settings: READ_WITH_GENERATION).
COUNTERS_KEY = "live:petition-counters"
COUNTERS_SECONDS = 60


def petition_counters() -> dict[str, int]:
    """{"answered", "processing", "refused", "received"}: live counts, cached at most a minute
    and dropped whenever a petition is submitted or changes status."""
    cache = caches["pages"]
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
    caches["pages"].delete(COUNTERS_KEY)


def petition_lookup(*, code: str, key: str = "", contact: str = "") -> Petition | None:
    """The petition with this code when the key (or the phone / e-mail given with it) matches;
    None otherwise, the same way whether the code exists or not (portal.core.tracking)."""
    petition = Petition.objects.filter(code=tracking.normalize_code(code)).select_related("area").first()
    if petition is None:
        tracking.unknown_code_work(key)
        return None
    if tracking.matches(
        code=petition.code, salt=petition.key_salt, email=petition.email, phone=petition.phone, key=key, contact=contact
    ):
        return petition
    return None


# --- Department side ------------------------------------------------------------------------


def overdue_q(today: dt.date | None = None) -> Q:
    """Open petitions past the deadline that runs now (classification while received, the
    answer while being processed)."""
    today = today or timezone.localdate()
    return Q(status=PetitionStatus.RECEIVED, classify_by__lt=today) | Q(
        status=PetitionStatus.PROCESSING, answer_by__lt=today
    )


def due_soon_q(until: dt.date) -> Q:
    return Q(status=PetitionStatus.RECEIVED, classify_by__lte=until) | Q(
        status=PetitionStatus.PROCESSING, answer_by__lte=until
    )


def closed_on_time(petition) -> bool | None:
    """True/False for a closed petition (closed by the deadline that was running), None while
    it is open."""
    if petition.closed_at is None:
        return None
    closed = timezone.localtime(petition.closed_at).date()
    due = petition.answer_by if petition.accepted_at else petition.classify_by
    return due is None or closed <= due


@dataclass
class ReportRow:
    label: str
    received: int = 0
    processing: int = 0
    answered: int = 0
    refused: int = 0
    transferred: int = 0
    merged: int = 0
    overdue: int = 0
    closed: int = 0
    on_time: int = 0

    @property
    def on_time_rate(self) -> float | None:
        return round(100 * self.on_time / self.closed, 1) if self.closed else None

    def add(self, petition, today: dt.date) -> None:
        self.received += 1
        if petition.is_open:
            self.processing += 1
            if petition.is_overdue(today):
                self.overdue += 1
        else:
            setattr(self, petition.status, getattr(self, petition.status) + 1)
        verdict = closed_on_time(petition)
        if verdict is not None:
            self.closed += 1
            self.on_time += verdict


@dataclass
class PetitionReport:
    date_from: dt.date
    date_to: dt.date
    period: str
    periods: list[ReportRow]
    fields: list[ReportRow]
    units: list[ReportRow]
    total: ReportRow


def _period_label(day: dt.date, period: str) -> str:
    if period == "quarter":
        return f"Quý {['I', 'II', 'III', 'IV'][(day.month - 1) // 3]}/{day.year}"
    return f"{day.month:02d}/{day.year}"


def petition_report(*, date_from: dt.date, date_to: dt.date, period: str = "month") -> PetitionReport:
    """Petitions received in the period, by month or quarter, field and unit: how many, in
    which status now, how many overdue, and the share closed on time."""
    from .models import Petition

    start, end = start_of_day(date_from), start_of_day(date_to + dt.timedelta(days=1))
    today = timezone.localdate()
    rows = (
        Petition.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
        .select_related("area", "unit")
        .only(
            "status", "submitted_at", "closed_at", "accepted_at", "answer_by", "classify_by", "area__name", "unit__name"
        )
        .order_by("submitted_at")
    )
    periods: dict[str, ReportRow] = {}
    day = date_from.replace(day=1)
    while day <= date_to:  # every period appears, with zeros when nothing came in
        label = _period_label(day, period)
        periods.setdefault(label, ReportRow(label))
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    fields: dict[str, ReportRow] = {}
    units: dict[str, ReportRow] = {}
    total = ReportRow(_("Total"))
    none = _("(not assigned)")
    for petition in rows.iterator(chunk_size=2000):
        local = timezone.localtime(petition.submitted_at).date()
        for bucket, label in (
            (periods, _period_label(local, period)),
            (fields, petition.area.name),
            (units, petition.unit.name if petition.unit_id else none),
        ):
            bucket.setdefault(label, ReportRow(label)).add(petition, today)
        total.add(petition, today)
    return PetitionReport(
        date_from,
        date_to,
        period,
        list(periods.values()),
        sorted(fields.values(), key=lambda r: (-r.received, r.label)),
        sorted(units.values(), key=lambda r: (r.label == none, -r.received, r.label)),
        total,
    )


def rating_summary(*, date_from: dt.date, date_to: dt.date) -> dict:
    """Satisfaction: the portal-wide widget and the citizens' ratings of answers, counts per
    score, average and the latest comments."""
    from .models import PetitionRating, SiteRating

    start, end = start_of_day(date_from), start_of_day(date_to + dt.timedelta(days=1))
    out = {}
    for name, model, stamp in (("site", SiteRating, "created_at"), ("answers", PetitionRating, "updated_at")):
        qs = model.objects.filter(**{f"{stamp}__gte": start, f"{stamp}__lt": end})
        counts = dict(qs.values_list("score").annotate(n=Count("pk")).values_list("score", "n"))
        total = sum(counts.values())
        out[name] = {
            "counts": [(score, counts.get(score, 0)) for score in range(5, 0, -1)],
            "total": total,
            "average": round(qs.aggregate(a=Avg("score"))["a"], 2) if total else None,
            "satisfied_rate": round(100 * (counts.get(4, 0) + counts.get(5, 0)) / total, 1) if total else None,
            "comments": list(qs.exclude(comment="").order_by(f"-{stamp}").values_list("score", "comment", stamp)[:50]),
        }
    return out


# --- Public questions and answers (Hỏi đáp) ------------------------------------------------


def question_words(q: str) -> list[str]:
    """The folded words a Hỏi đáp search looks for (at most 10); none for punctuation alone."""
    from portal.core.text import fold_for_search

    return re.sub(r"[^\w]+", " ", fold_for_search(q)).split()[:10]


def published_questions(*, q: str = "", area_id: int | None = None, year: int | None = None):
    """Live publications, newest first; every folded word of `q` must appear (diacritics and
    case optional: "dang ky nhiem vu" finds "Đăng ký nhiệm vụ")."""
    from .models import PetitionPublication

    qs = PetitionPublication.objects.filter(live=True).select_related("area")
    for word in question_words(q):
        qs = qs.filter(search_text__contains=" " + word)
    if area_id:
        qs = qs.filter(area_id=area_id)
    if year:
        start, end = start_of_day(dt.date(year, 1, 1)), start_of_day(dt.date(year + 1, 1, 1))
        qs = qs.filter(published_at__gte=start, published_at__lt=end)
    return qs


def publication_years() -> list[int]:
    from .models import PetitionPublication

    dates = PetitionPublication.objects.filter(live=True).dates("published_at", "year", order="DESC")
    return [d.year for d in dates]


@dataclass
class PublicView:
    """What the citizen sees of their petition: its public history, and the status and answer
    of the petition that is handled (itself, or the one it was merged into)."""

    petition: object
    handled: object
    events: list
    answer: object | None
    answer_files: list
    rating: object | None


def petition_public(petition) -> PublicView:
    from .models import AnswerState, FileKind, PetitionAnswer, PetitionRating

    handled = petition.merged_into if petition.status == PetitionStatus.MERGED and petition.merged_into_id else petition
    answer = None
    files = []
    if handled.status == PetitionStatus.ANSWERED:
        answer = PetitionAnswer.objects.filter(petition=handled, state=AnswerState.APPROVED).first()
        files = list(handled.files.filter(kind=FileKind.ANSWER))
    return PublicView(
        petition=petition,
        handled=handled,
        events=list(petition.events.filter(public=True).order_by("created_at", "pk")),
        answer=answer,
        answer_files=files,
        rating=PetitionRating.objects.filter(petition=petition).first(),
    )
