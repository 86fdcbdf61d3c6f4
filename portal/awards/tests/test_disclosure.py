"""Public disclosure of nominees for the higher forms (working days over holidays, the dossier
held until the period ends), citizens' comments (consent, limits, never public), and the public
pages: the honor roll and the list of nominees."""

import datetime as dt
import re

import pytest
from django.core.cache import cache

from portal.awards import services
from portal.awards.eligibility.council import Ballot
from portal.awards.models import (
    Award,
    AwardsSettings,
    CouncilMeeting,
    Decision,
    DisclosureComment,
    Nomination,
    Official,
    Unit,
    YearRecord,
)


@pytest.fixture
def proposed(db, home):
    """A Chiến sĩ thi đua cấp tỉnh the council proposed (9 of 9 votes)."""
    unit = Unit.objects.create(name="Chi cục Tiêu chuẩn Đo lường Chất lượng")
    official = Official.objects.create(full_name="Bùi Quang Huy", unit=unit, position="Chi cục trưởng")
    YearRecord.objects.create(official=official, year=2025, rating="htxsnv", initiatives=1)
    meeting = CouncilMeeting.objects.create(
        year=2025,
        held_on=dt.date(2026, 1, 8),
        chair="Giám đốc Sở",
        secretary="Chánh Văn phòng",
        members_total=9,
        members_present=9,
    )
    nomination = Nomination.objects.create(
        official=official, code="cstd_bo_tinh", year=2025, status="submitted", meeting=meeting
    )
    services.meeting_votes(meeting, user=None, ballots={nomination.pk: Ballot(9, 0)})
    services.meeting_close(meeting, user=None)
    nomination.refresh_from_db()
    assert nomination.status == "approved"
    cache.clear()
    return nomination


def test_disclosure_runs_working_days_over_tet(proposed):
    """Published on Thursday 12/02/2026: Tết (16–20/02) and weekends are skipped; the ten
    working days after that day are 13/02, 23–27/02 and 02–05/03, so comments close on Thursday
    05/03/2026 and the dossier may go on from 06/03."""
    assert services.disclosure_end(dt.date(2026, 2, 12)) == dt.date(2026, 3, 5)
    settings_row = AwardsSettings.load()
    settings_row.disclosure_working_days = 3
    settings_row.save()
    assert services.disclosure_end(dt.date(2026, 2, 12)) == dt.date(2026, 2, 24)


def test_the_dossier_waits_for_the_end_of_disclosure(proposed):
    nomination = proposed
    decision = Decision.objects.create(number="3/QĐ-UBND", signed_on=dt.date(2026, 12, 30), signer="Chủ tịch UBND tỉnh")
    with pytest.raises(services.AwardsActionError, match="chưa được công khai"):
        services.decision_confer(decision, user=None, nominations=[nomination])
    nomination = services.nomination_disclose(nomination, user=None)
    assert nomination.disclosure_until > nomination.disclosure_opens
    early = Decision.objects.create(
        number="4/QĐ-UBND", signed_on=nomination.disclosure_until, signer="Chủ tịch UBND tỉnh"
    )
    with pytest.raises(services.AwardsActionError, match="đang công khai lấy ý kiến đến ngày"):
        services.decision_confer(early, user=None, nominations=[nomination])
    later = Decision.objects.create(
        number="5/QĐ-UBND", signed_on=nomination.disclosure_until + dt.timedelta(days=1), signer="Chủ tịch UBND tỉnh"
    )
    assert services.decision_confer(later, user=None, nominations=[nomination]) == 1
    with pytest.raises(services.AwardsActionError):
        services.nomination_disclose(nomination, user=None)  # decided: no second publication


def test_only_higher_forms_are_published(proposed):
    ldtt = Nomination.objects.create(
        official=proposed.official, code="ldtt", year=2025, status="approved", meeting=proposed.meeting
    )
    with pytest.raises(services.AwardsActionError, match="không phải công khai"):
        services.nomination_disclose(ldtt, user=None)


def test_citizens_comment_with_consent_and_it_stays_private(proposed, client):
    nomination = services.nomination_disclose(proposed, user=None)
    page = f"/cong-khai-khen-thuong/{nomination.pk}/"
    listing = client.get("/cong-khai-khen-thuong/").content.decode()
    assert "Bùi Quang Huy" in listing and page in listing
    refused = client.post(page, {"text": "Đồng chí rất tận tụy.", "name": "Nguyễn Văn Dân", "contact": "0912345678"})
    assert refused.status_code == 400 and "đánh dấu đồng ý" in refused.content.decode()
    assert not DisclosureComment.objects.exists()  # nothing kept without consent
    empty = client.post(page, {"text": "  ", "consent": "1"})
    assert empty.status_code == 400 and "nhập ý kiến" in empty.content.decode()
    sent = client.post(
        page, {"text": "Đồng chí rất tận tụy.", "name": "Nguyễn Văn Dân", "contact": "0912345678", "consent": "1"}
    )
    assert sent.status_code == 302 and sent["Location"].endswith("?da-gui=1")
    assert "0912345678" not in sent["Location"]
    comment = DisclosureComment.objects.get()
    assert comment.contact == "0912345678" and comment.consent_at
    thanks = client.get(sent["Location"]).content.decode()
    assert "Cảm ơn" in thanks and "Nguyễn Văn Dân" not in thanks and "0912345678" not in thanks
    for _ in range(5):
        client.post(page, {"text": "Thêm ý kiến", "consent": "1"})
    limited = client.post(page, {"text": "Lần nữa", "consent": "1"})
    assert limited.status_code == 400 and "quá nhiều" in limited.content.decode()
    assert DisclosureComment.objects.count() == 5


def test_the_question_comes_after_repeated_comments(proposed, client, settings):
    """Issue 14 (the same class of defect in every app): comments on nominees met a limit but
    never the question petitions ask after repeated attempts (portal.core.challenge)."""
    from portal.feedback.tests.factories import solve

    settings.FEEDBACK_CHALLENGE_AFTER = 2
    nomination = services.nomination_disclose(proposed, user=None)
    page = f"/cong-khai-khen-thuong/{nomination.pk}/"
    assert 'name="challenge_answer"' not in client.get(page).content.decode()
    assert client.post(page, {"text": "Ý kiến thứ nhất", "consent": "1"}).status_code == 302
    assert client.post(page, {"text": "Ý kiến thứ hai"}).status_code == 400  # refused posts count too
    form = client.get(page).content.decode()
    assert 'name="challenge_answer"' in form and "trả lời bằng chữ số" in form
    asked = client.post(page, {"text": "Ý kiến thứ ba", "consent": "1"})
    assert asked.status_code == 400 and "trả lời câu hỏi" in asked.content.decode()
    assert DisclosureComment.objects.count() == 1
    html = asked.content.decode()
    token = re.search(r'name="challenge_token" value="([^"]+)"', html).group(1)
    question = re.search(r'<label for="id_challenge">([^<]+)', html).group(1)
    answered = {"text": "Ý kiến thứ ba", "consent": "1", "challenge_token": token}
    wrong = client.post(page, {**answered, "challenge_answer": str(int(solve(question)) + 1)})
    assert wrong.status_code == 400 and DisclosureComment.objects.count() == 1
    # A question answers once: the wrong answer above spent nothing, the right one is accepted.
    assert client.post(page, {**answered, "challenge_answer": solve(question)}).status_code == 302
    assert DisclosureComment.objects.count() == 2


def test_comment_names_and_contacts_are_removed_after_the_keeping_period(proposed, settings):
    """Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Điều 3 and Điều 14: kept only as long as the
    purpose needs. The text stays with the dossier; the removal is in the audit log."""
    from django.core.management import call_command
    from wagtail.models import ModelLogEntry

    settings.AWARDS_COMMENT_RETENTION_DAYS = 30
    nomination = services.nomination_disclose(proposed, user=None)
    closed = dt.date.today() - dt.timedelta(days=31)
    Nomination.objects.filter(pk=nomination.pk).update(disclosure_opens=closed, disclosure_until=closed)
    old = DisclosureComment.objects.create(
        nomination=nomination,
        text="Đồng chí gương mẫu.",
        name="Lê Văn Bình",
        contact="binh@example.vn",
        consent_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    anonymous = DisclosureComment.objects.create(
        nomination=nomination, text="Không để tên.", consent_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    assert services.disclosure_comment_purge(dry_run=True) == 1
    old.refresh_from_db()
    assert old.name == "Lê Văn Bình"  # a dry run changes nothing
    Nomination.objects.filter(pk=nomination.pk).update(disclosure_until=closed + dt.timedelta(days=2))
    assert services.disclosure_comment_purge() == 0  # 29 days after: still needed
    Nomination.objects.filter(pk=nomination.pk).update(disclosure_until=closed)
    call_command("awards_comment_purge", verbosity=0)
    old.refresh_from_db()
    anonymous.refresh_from_db()
    assert (old.name, old.contact, old.text) == ("", "", "Đồng chí gương mẫu.") and old.personal_removed_at
    assert anonymous.personal_removed_at is None  # it had nothing to remove
    removed = ModelLogEntry.objects.for_instance(nomination).filter(action="portal.personal_data_removed")
    assert removed.count() == 1
    assert services.disclosure_comment_purge() == 0  # once only


def test_officers_opening_comments_with_contacts_is_logged(proposed, admin_client):
    from wagtail.models import ModelLogEntry

    nomination = services.nomination_disclose(proposed, user=None)
    page = f"/admin/snippets/awards/nomination/inspect/{nomination.pk}/"
    viewed = ModelLogEntry.objects.for_instance(nomination).filter(action="portal.personal_data_viewed")
    assert admin_client.get(page).status_code == 200 and not viewed.exists()  # no comments yet
    DisclosureComment.objects.create(
        nomination=nomination, text="Ý kiến", contact="0912345678", consent_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    html = admin_client.get(page).content.decode()
    assert "0912345678" in html and viewed.count() == 1
    assert "Đã xem dữ liệu cá nhân" not in html  # the views stay out of the dossier's own history


def test_comments_close_with_the_period(proposed, client):
    nomination = services.nomination_disclose(proposed, user=None)
    Nomination.objects.filter(pk=nomination.pk).update(
        disclosure_opens=dt.date(2025, 1, 2), disclosure_until=dt.date(2025, 1, 16)
    )
    page = client.get(f"/cong-khai-khen-thuong/{nomination.pk}/").content.decode()
    assert "Đã hết thời gian góp ý" in page and 'name="text"' not in page
    assert client.post(f"/cong-khai-khen-thuong/{nomination.pk}/", {"text": "x", "consent": "1"}).status_code == 400
    assert "Bùi Quang Huy" not in client.get("/cong-khai-khen-thuong/").content.decode()
    assert client.get("/cong-khai-khen-thuong/999999/").status_code == 404
    draft = Nomination.objects.create(official=nomination.official, code="ldtt", year=2025)
    assert client.get(f"/cong-khai-khen-thuong/{draft.pk}/").status_code == 404  # never published


def test_the_honor_roll_by_year_and_unit(db, home, client):
    unit = Unit.objects.create(name="Văn phòng Sở", parent=Unit.objects.create(name="Sở Khoa học và Công nghệ"))
    other = Unit.objects.create(name="Thanh tra Sở", parent=unit.parent)
    mai = Official.objects.create(full_name="Trần Thị Mai", unit=unit)
    long = Official.objects.create(full_name="Hà Văn Long", unit=other)
    for official, code in ((mai, "cstd_co_so"), (mai, "ldtt"), (long, "ldtt")):
        Award.objects.create(
            official=official,
            code=code,
            achievement_year=2025,
            decision_number="15/QĐ-SKHCN",
            decision_date=dt.date(2026, 1, 15),
        )
    Award.objects.create(
        unit=unit, code="tt_ldxs", achievement_year=2024, decision_number="9/QĐ-UBND", decision_date=dt.date(2025, 2, 3)
    )
    YearRecord.objects.create(official=mai, year=2025, rating="htxsnv", discipline=True)
    html = client.get("/bang-vang/").content.decode()
    assert "Trần Thị Mai" in html and "Hà Văn Long" in html and "02 Lao động tiên tiến" in html
    assert "kỷ luật" not in html.lower() and "htxsnv" not in html  # ratings and discipline stay private
    by_unit = client.get("/bang-vang/", {"nam": "2025", "don-vi": other.pk}).content.decode()
    assert "Hà Văn Long" in by_unit and "Trần Thị Mai" not in by_unit
    assert "Tập thể lao động xuất sắc" in client.get("/bang-vang/", {"nam": "2024"}).content.decode()
    for bad in ({"nam": "20x5"}, {"don-vi": "abc"}, {"don-vi": "99999"}, {"nam": "10000"}):
        response = client.get("/bang-vang/", bad)
        assert response.status_code == 400 and "Trần Thị Mai" in response.content.decode()
    assert client.post("/bang-vang/").status_code == 405
