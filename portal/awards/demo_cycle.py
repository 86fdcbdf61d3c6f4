"""Demo of the year under review (the last year of the records), written for this project and
run through the services like a department would: nominations at every step, one council
meeting held and closed with its ballot, a second one open, and a decision with its prizes.

- Phòng Quản lý khoa học: every official the checker finds eligible for Lao động tiên tiến or
  Chiến sĩ thi đua cơ sở goes through the closed meeting; one nominee falls short of the votes
  (not proposed); the others are conferred by decision.
- Trung tâm Ứng dụng tiến bộ khoa học và công nghệ: before the open meeting, ballots not yet
  recorded; one nomination the checker refuses carries the secretary's written reasons.
- Thanh tra Sở: dossiers being prepared, with documents still missing.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Q

from . import services
from .eligibility.council import Ballot
from .eligibility.dossiers import checklist
from .models import CouncilMeeting, Decision, Nomination, Official, Unit
from .roles import OFFICERS, SECRETARIES
from .selectors import eligibility_for

CLOSED_UNIT = "Phòng Quản lý khoa học"
OPEN_UNIT = "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ"
DRAFT_UNIT = "Thanh tra Sở"
OVERRIDE_REASON = (
    "Năm đánh giá, đồng chí nghỉ chế độ thai sản 05 tháng; kết quả xếp loại đang được Giám đốc Sở "
    "xem xét điều chỉnh theo đề nghị của đơn vị. Đề nghị Hội đồng xem xét cùng hồ sơ bổ sung."
)

PROVINCIAL_REASON = (
    "Sáng kiến «Quy trình nhân giống lúa thuần chất lượng cao» của đồng chí đã được Hội đồng sáng kiến "
    "cấp tỉnh xác nhận có phạm vi ảnh hưởng cấp tỉnh (bản xác nhận kèm hồ sơ); đủ căn cứ trình Hội đồng."
)


def _staff(group: str):
    return get_user_model().objects.filter(groups__name=group, is_active=True).order_by("pk").first()


def _all_documents(nomination: Nomination) -> list[str]:
    return [item["key"] for item in checklist(nomination.code) if not item.get("optional")]


def _nominate(official: Official, year: int, user) -> list[Nomination]:
    verdicts = eligibility_for(official, year) or {}
    out = []
    for code in ("cstd_co_so", "ldtt"):
        if code in verdicts and verdicts[code].eligible is True:
            out.append(services.nomination_create(subject=official, code=code, year=year, user=user))
    return out


def _provincial_nominee(year: int, officer, secretary, meeting) -> Nomination | None:
    """A Chiến sĩ thi đua cấp tỉnh, published for comments once proposed: the first official the
    checker finds eligible (three Chiến sĩ thi đua cơ sở and an initiative recognised across the
    province in the records), else one it asks about, which the secretary answers in writing."""
    if secretary is None:
        return None
    verdicts = [(o, (eligibility_for(o, year) or {}).get("cstd_bo_tinh")) for o in Official.objects.order_by("pk")]
    for wanted in (True, None):
        for official, verdict in verdicts:
            if verdict is None or verdict.eligible is not wanted:
                continue
            nomination = services.nomination_create(subject=official, code="cstd_bo_tinh", year=year, user=officer)
            services.nomination_documents(nomination, user=officer, keys=_all_documents(nomination))
            if wanted is None:
                services.nomination_override(nomination, user=secretary, reason=PROVINCIAL_REASON)
            return services.nomination_submit(nomination, user=officer, meeting=meeting)
    return None


def demo_cycle(year: int) -> str:

    if Nomination.objects.exists():
        return ""
    officer, secretary = _staff(OFFICERS), _staff(SECRETARIES)
    units = {unit.name: unit for unit in Unit.objects.filter(name__in=[CLOSED_UNIT, OPEN_UNIT, DRAFT_UNIT])}
    held = dt.date(year + 1, 1, 8)
    closed = CouncilMeeting.objects.create(
        year=year,
        held_on=held,
        place="Phòng họp tầng 3, trụ sở Sở",
        chair="Giám đốc Sở, Chủ tịch Hội đồng",
        secretary="Chánh Văn phòng Sở, Thư ký Hội đồng",
        members_total=9,
        members_present=8,
        written_votes=1,
        notes="Hội đồng thống nhất đề nghị Giám đốc Sở công nhận các danh hiệu theo kết quả bỏ phiếu.",
    )
    later = CouncilMeeting.objects.create(
        year=year,
        held_on=held + dt.timedelta(days=14),
        place="Phòng họp tầng 3, trụ sở Sở",
        chair="Giám đốc Sở, Chủ tịch Hội đồng",
        secretary="Chánh Văn phòng Sở, Thư ký Hội đồng",
        members_total=9,
        members_present=7,
    )

    before_closed = []
    for official in Official.objects.filter(unit=units[CLOSED_UNIT]).order_by("pk"):
        for nomination in _nominate(official, year, officer):
            services.nomination_documents(nomination, user=officer, keys=_all_documents(nomination))
            before_closed.append(services.nomination_submit(nomination, user=officer, meeting=closed))
    ballots = {n.pk: Ballot(9, 0) for n in before_closed}
    if before_closed:
        ballots[before_closed[-1].pk] = Ballot(4, 4, 1)  # falls short: not proposed
    higher = _provincial_nominee(year, officer, secretary, closed)
    if higher is not None:
        ballots[higher.pk] = Ballot(9, 0)  # 9 of 9 members: the 90 % rule is met
    services.meeting_votes(closed, user=officer, ballots=ballots)
    services.meeting_close(closed, user=officer)
    if higher is not None:
        higher = services.nomination_disclose(higher, user=officer)
        services.disclosure_comment(
            higher,
            text="Tôi là người dân ở xã có mô hình ứng dụng; sáng kiến của đồng chí đã giúp hợp tác xã giảm chi phí.",
            name="",
            contact="",
            consent=True,
            ip="demo",
        )
    decision = Decision.objects.create(
        number="15/QĐ-SKHCN",
        signed_on=held + dt.timedelta(days=7),
        signer="Giám đốc Sở Khoa học và Công nghệ",
        recipients="Như Điều 3;\nBan Thi đua – Khen thưởng tỉnh;\nLưu: VT, VP.",
    )
    # The provincial nominee waits for the end of its public disclosure; the others are decided.
    approved = Nomination.objects.filter(meeting=closed, status=Nomination.Status.APPROVED).exclude(
        pk=getattr(higher, "pk", None)
    )
    conferred = services.decision_confer(decision, user=officer, nominations=list(approved)) if approved else 0

    open_unit = Official.objects.filter(unit=units[OPEN_UNIT]).order_by("pk")
    for official in open_unit:
        for nomination in _nominate(official, year, officer):
            services.nomination_documents(nomination, user=officer, keys=_all_documents(nomination))
            services.nomination_submit(nomination, user=officer, meeting=later)
    refused = next(
        (
            o
            for o in open_unit
            if (eligibility_for(o, year) or {}).get("ldtt") and not eligibility_for(o, year)["ldtt"].eligible
        ),
        None,
    )
    if refused is not None and secretary is not None:
        nomination = services.nomination_create(subject=refused, code="ldtt", year=year, user=officer)
        services.nomination_documents(nomination, user=officer, keys=_all_documents(nomination))
        services.nomination_override(nomination, user=secretary, reason=OVERRIDE_REASON)
        services.nomination_submit(nomination, user=officer, meeting=later)

    drafts = 0
    for official in Official.objects.filter(unit=units[DRAFT_UNIT]).order_by("pk"):
        for nomination in _nominate(official, year, officer):
            services.nomination_documents(nomination, user=officer, keys=_all_documents(nomination)[: drafts % 3])
            drafts += 1
    total = Nomination.objects.filter(Q(meeting__isnull=False) | Q(status=Nomination.Status.DRAFT)).count()
    return f"Thi đua – khen thưởng năm {year}: {total} hồ sơ đề nghị, 2 phiên họp Hội đồng, {conferred} danh hiệu theo quyết định {decision.number}."
