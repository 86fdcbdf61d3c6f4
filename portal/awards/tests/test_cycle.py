"""The cycle in the database: a nomination checked and filed, the secretary's override, the
council's ballot and close, the decision with its prizes, the minutes and the export read back,
and the admin pages as the officers and the secretary use them."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from portal.awards import services
from portal.awards.eligibility.council import Ballot
from portal.awards.models import Award, CouncilMeeting, Decision, Nomination, Official, Unit, YearRecord
from portal.awards.roles import OFFICERS, SECRETARIES

ALL_DOCUMENTS = ["to_trinh", "bien_ban", "bao_cao", "sang_kien_co_so"]


def _staff(name, group):
    user = get_user_model().objects.create_user(name, password="x-Secret-123", first_name=name)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def cycle(db, home):
    unit = Unit.objects.create(name="Phòng Quản lý công nghệ")
    strong = Official.objects.create(full_name="Lê Văn Hùng", unit=unit)
    weak = Official.objects.create(full_name="Phạm Thị Thu", unit=unit)
    YearRecord.objects.create(official=strong, year=2025, rating="htxsnv", initiatives=1)
    YearRecord.objects.create(official=weak, year=2025, rating="htnv")
    meeting = CouncilMeeting.objects.create(
        year=2025,
        held_on=dt.date(2026, 1, 8),
        chair="Giám đốc Sở",
        secretary="Chánh Văn phòng",
        members_total=9,
        members_present=7,
        written_votes=1,
    )
    return {
        "unit": unit,
        "strong": strong,
        "weak": weak,
        "meeting": meeting,
        "officer": _staff("canbotdkt", OFFICERS),
        "secretary": _staff("thukyhd", SECRETARIES),
    }


def test_a_nomination_goes_from_dossier_to_decision(cycle):
    officer, meeting = cycle["officer"], cycle["meeting"]
    nomination = services.nomination_create(subject=cycle["strong"], code="cstd_co_so", year=2025, user=officer)
    assert nomination.checker_eligible is True and nomination.checker_basis
    assert "Điều 23" in " ".join(nomination.checker_basis)
    with pytest.raises(services.AwardsActionError, match="chưa đủ"):
        services.nomination_submit(nomination, user=officer, meeting=meeting)  # the dossier lacks papers
    services.nomination_documents(nomination, user=officer, keys=ALL_DOCUMENTS)
    services.nomination_submit(nomination, user=officer, meeting=meeting)
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.SUBMITTED

    with pytest.raises(services.AwardsActionError, match="nhiều hơn số thành viên bỏ phiếu"):
        services.meeting_votes(meeting, user=officer, ballots={nomination.pk: Ballot(8, 1)})  # 9 > 8 voting
    with pytest.raises(services.AwardsActionError, match="bỏ phiếu của mọi"):
        services.meeting_close(meeting, user=officer)
    services.meeting_votes(meeting, user=officer, ballots={nomination.pk: Ballot(7, 1)})
    services.meeting_close(meeting, user=officer)
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.APPROVED
    with pytest.raises(services.AwardsActionError, match="đã kết thúc"):
        services.meeting_votes(meeting, user=officer, ballots={nomination.pk: Ballot(1, 7)})

    early = Decision.objects.create(number="1/QĐ-SKHCN", signed_on=dt.date(2026, 1, 2), signer="Giám đốc Sở")
    with pytest.raises(services.AwardsActionError, match="trước phiên họp"):
        services.decision_confer(early, user=officer, nominations=[nomination])
    decision = Decision.objects.create(number="12/QĐ-SKHCN", signed_on=dt.date(2026, 1, 15), signer="Giám đốc Sở")
    assert services.decision_confer(decision, user=officer, nominations=[nomination]) == 1
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.DECIDED and nomination.prize_amount == 2340000
    award = Award.objects.get(official=cycle["strong"], code="cstd_co_so")
    assert (award.achievement_year, award.decision_number) == (2025, "12/QĐ-SKHCN")
    with pytest.raises(services.AwardsActionError, match="Hội đồng"):
        services.decision_confer(decision, user=officer, nominations=[nomination])  # not twice
    with pytest.raises(services.AwardsActionError, match="đã được tặng"):
        services.nomination_create(subject=cycle["strong"], code="cstd_co_so", year=2025, user=officer)
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"portal.awards.nominate", "portal.awards.submit", "portal.awards.close", "portal.awards.confer"} <= actions


def test_not_eligible_needs_the_secretarys_written_reasons(cycle):
    officer, secretary, meeting = cycle["officer"], cycle["secretary"], cycle["meeting"]
    nomination = services.nomination_create(subject=cycle["weak"], code="ldtt", year=2025, user=officer)
    assert nomination.checker_eligible is False  # hoàn thành nhiệm vụ is below hoàn thành tốt
    services.nomination_documents(nomination, user=officer, keys=["to_trinh", "bien_ban", "bao_cao"])
    with pytest.raises(services.AwardsActionError, match="Thư ký"):
        services.nomination_submit(nomination, user=officer, meeting=meeting)
    with pytest.raises(PermissionDenied):
        services.nomination_override(nomination, user=officer, reason="Có thành tích đột xuất được ghi nhận.")
    with pytest.raises(services.AwardsActionError, match="ít nhất"):
        services.nomination_override(nomination, user=secretary, reason="Đồng ý")
    services.nomination_override(
        nomination, user=secretary, reason="Xếp loại bị ghi nhầm, đang chờ quyết định điều chỉnh của Giám đốc Sở."
    )
    services.nomination_submit(nomination, user=officer, meeting=meeting)
    nomination.refresh_from_db()
    assert nomination.overridden and nomination.override_by == secretary


def test_nominations_refuse_what_the_law_does_not_allow(cycle):
    officer = cycle["officer"]
    with pytest.raises(services.AwardsActionError, match="đơn vị"):
        services.nomination_create(subject=cycle["unit"], code="ldtt", year=2025, user=officer)
    with pytest.raises(services.AwardsActionError, match="Chưa có hồ sơ năm 2024"):
        services.nomination_create(subject=cycle["strong"], code="ldtt", year=2024, user=officer)
    services.nomination_create(subject=cycle["strong"], code="ldtt", year=2025, user=officer)
    with pytest.raises(services.AwardsActionError, match="Đã có hồ sơ"):
        services.nomination_create(subject=cycle["strong"], code="ldtt", year=2025, user=officer)


def test_a_meeting_without_quorum_cannot_close(cycle):
    officer, meeting = cycle["officer"], cycle["meeting"]
    meeting.members_present, meeting.written_votes = 5, 0  # 5 of 9 is less than two thirds
    meeting.save()
    nomination = services.nomination_create(subject=cycle["strong"], code="ldtt", year=2025, user=officer)
    services.nomination_documents(nomination, user=officer, keys=["to_trinh", "bien_ban", "bao_cao"])
    services.nomination_submit(nomination, user=officer, meeting=meeting)
    services.meeting_votes(meeting, user=officer, ballots={nomination.pk: Ballot(5, 0)})
    with pytest.raises(services.AwardsActionError, match="không đủ số thành viên"):
        services.meeting_close(meeting, user=officer)
    assert CouncilMeeting.objects.get(pk=meeting.pk).closed_at is None


def test_the_ninety_percent_rule_applies_to_cstd_cap_tinh(cycle):
    """Nghị định 91/2017/NĐ-CP, Điều 45, khoản 8 (as seeded): 8 votes of 9 members fail."""
    from portal.awards.selectors import meeting_tally

    officer, meeting = cycle["officer"], cycle["meeting"]
    nomination = Nomination.objects.create(
        official=cycle["strong"], code="cstd_bo_tinh", year=2025, status="submitted", meeting=meeting
    )
    services.meeting_votes(meeting, user=officer, ballots={nomination.pk: Ballot(8, 0)})
    row = meeting_tally(meeting).rows[0]
    assert row.passed is False and row.share == "8/9 (88,89%)" and "Điều 45" in row.rule.basis


def _through_the_council(cycle):
    officer, meeting = cycle["officer"], cycle["meeting"]
    nomination = services.nomination_create(subject=cycle["strong"], code="ldtt", year=2025, user=officer)
    services.nomination_documents(nomination, user=officer, keys=["to_trinh", "bien_ban", "bao_cao"])
    services.nomination_submit(nomination, user=officer, meeting=meeting)
    services.meeting_votes(meeting, user=officer, ballots={nomination.pk: Ballot(8, 0)})
    services.meeting_close(meeting, user=officer)
    return nomination


def test_the_minutes_read_back(cycle, client):
    from docx import Document

    _through_the_council(cycle)
    client.force_login(cycle["officer"])
    response = client.get(f"/admin/awards/meetings/{cycle['meeting'].pk}/minutes.docx")
    assert response.status_code == 200 and response["Content-Type"].endswith("wordprocessingml.document")
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BIÊN BẢN" in text and "2025" in text and "Chánh Văn phòng" in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Lê Văn Hùng (Phòng Quản lý công nghệ)" in cells and "8/8 (100,00%)" in cells and "Đề nghị" in cells


def test_the_admin_pages_take_a_nomination_through(cycle, client):
    from openpyxl import load_workbook

    client.force_login(cycle["officer"])
    response = client.post(
        "/admin/snippets/awards/nomination/add/", {"official": cycle["strong"].pk, "code": "ldtt", "year": "2025"}
    )
    nomination = Nomination.objects.get()
    page = f"/admin/snippets/awards/nomination/inspect/{nomination.pk}/"
    assert response.status_code == 302 and response["Location"] == page
    html = client.get(page).content.decode()
    assert "Đủ điều kiện" in html and "Điều 24" in html and "Tờ trình đề nghị" in html
    refused = client.post(page, {"action": "submit", "submit-meeting": cycle["meeting"].pk})
    assert refused.status_code == 400 and "chưa đủ" in refused.content.decode()
    client.post(page, {"action": "documents", "documents-documents": ["to_trinh", "bien_ban", "bao_cao"]})
    assert client.post(page, {"action": "submit", "submit-meeting": cycle["meeting"].pk}).status_code == 302
    meeting_page = f"/admin/snippets/awards/councilmeeting/inspect/{cycle['meeting'].pk}/"
    bad = client.post(meeting_page, {"action": "votes", f"votes-for_{nomination.pk}": "12"})
    assert bad.status_code == 400
    client.post(
        meeting_page, {"action": "votes", f"votes-for_{nomination.pk}": "8", f"votes-against_{nomination.pk}": "0"}
    )
    assert client.post(meeting_page, {"action": "close"}).status_code == 302
    decision = Decision.objects.create(number="5/QĐ-SKHCN", signed_on=dt.date(2026, 1, 20), signer="Giám đốc Sở")
    decision_page = f"/admin/snippets/awards/decision/inspect/{decision.pk}/"
    client.post(decision_page, {"action": "confer", "confer-nominations": [nomination.pk]})
    html = client.get(decision_page).content.decode()
    assert "710.000" in html  # 0,3 × 2.340.000 = 702.000, rounded up
    book = load_workbook(io.BytesIO(client.get(f"/admin/awards/decisions/{decision.pk}/recipients.xlsx").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[1][1] == "Lê Văn Hùng" and rows[1][-1] == 710000


def test_only_the_secretary_sees_the_override(cycle, client):
    officer = cycle["officer"]
    nomination = services.nomination_create(subject=cycle["weak"], code="ldtt", year=2025, user=officer)
    page = f"/admin/snippets/awards/nomination/inspect/{nomination.pk}/"
    client.force_login(officer)
    assert 'value="override"' not in client.get(page).content.decode()
    refused = client.post(page, {"action": "override", "override-reason": "x" * 40})
    assert refused.status_code in (302, 403) and refused.get("Location", "") != page  # Wagtail: back to /admin/
    nomination.refresh_from_db()
    assert not nomination.overridden
    client.force_login(cycle["secretary"])
    assert 'value="override"' in client.get(page).content.decode()


def test_the_demo_shows_every_step(db, home):
    from portal.awards.demo import demo_records

    _staff("thukyhd", SECRETARIES)
    summary = demo_records()
    statuses = set(Nomination.objects.values_list("status", flat=True))
    assert {"draft", "submitted", "rejected", "decided"} <= statuses
    assert Nomination.objects.filter(status="submitted").exclude(override_reason="").count() == 1
    assert Nomination.objects.filter(status="rejected").count() == 1
    assert CouncilMeeting.objects.filter(closed_at__isnull=False).count() == 1
    assert Nomination.objects.filter(status="decided", prize_amount__gt=0).exists()
    assert "2 phiên họp Hội đồng" in summary
    # A Chiến sĩ thi đua cấp tỉnh nominee is on the public page with a comment (the demo once
    # lost it when the records started holding the initiatives' scope).
    published = Nomination.objects.exclude(disclosure_opens=None)
    assert [n.code for n in published] == ["cstd_bo_tinh"] and published[0].comments.count() == 1
