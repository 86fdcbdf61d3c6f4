"""A nomination through the council, in Debian's chromium, as the department's awards officer:
file the dossier, put it before the meeting, enter the secret ballot, close the meeting, confer
it by decision and read the prize."""

import datetime as dt

import pytest

from portal.core.tests.browser import BROWSER, signed_in_page

pytestmark = BROWSER


@pytest.fixture
def officer_page(browser, live_server, transactional_db):
    from portal.awards.models import CouncilMeeting, Decision, Official, Unit, YearRecord
    from portal.awards.roles import OFFICERS
    from portal.core.tests.factories import make_user
    from portal.home.setup import portal_setup

    portal_setup()
    unit = Unit.objects.create(name="Phòng Quản lý khoa học")
    official = Official.objects.create(full_name="Nguyễn Thị Hạnh", unit=unit)
    YearRecord.objects.create(official=official, year=2025, rating="httnv")
    meeting = CouncilMeeting.objects.create(
        year=2025,
        held_on=dt.date(2026, 1, 8),
        chair="Giám đốc Sở",
        secretary="Chánh Văn phòng",
        members_total=9,
        members_present=8,
    )
    decision = Decision.objects.create(number="20/QĐ-SKHCN", signed_on=dt.date(2026, 1, 20), signer="Giám đốc Sở")
    context, page = signed_in_page(browser, live_server, make_user("canbotdkt", OFFICERS))
    yield page, official, meeting, decision
    context.close()


def test_a_nomination_through_the_council(officer_page, live_server):
    from portal.awards.models import Award, Nomination

    page, official, meeting, decision = officer_page
    page.goto(f"{live_server.url}/admin/snippets/awards/nomination/add/")
    page.get_by_role("button", name="Chọn cán bộ").click()  # Wagtail's chooser, with its search
    page.locator(".modal").get_by_role("link", name="Nguyễn Thị Hạnh").click()
    page.locator(".modal").wait_for(state="hidden")
    page.select_option("#id_code", "ldtt")
    assert page.input_value("#id_year") == str(dt.date.today().year - 1)  # the year under review
    page.fill("#id_year", "2025")
    page.get_by_role("button", name="Lưu").first.click()
    page.wait_for_url("**/inspect/**")
    assert page.get_by_text("Đủ điều kiện", exact=True).is_visible()
    assert page.get_by_text("Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 24, khoản 1").is_visible()

    assert page.get_by_text("Hồ sơ còn thiếu:", exact=False).is_visible()
    page.select_option("#id_submit-meeting", str(meeting.pk))
    page.get_by_role("button", name="Trình Hội đồng").click()  # the dossier is not complete yet
    page.get_by_text("Hồ sơ chưa đủ", exact=False).first.wait_for()
    for name in ("Tờ trình đề nghị kèm danh sách", "Biên bản họp xét", "Báo cáo thành tích"):
        page.get_by_label(name, exact=False).check()
    page.get_by_role("button", name="Lưu thành phần hồ sơ").click()
    page.select_option("#id_submit-meeting", str(meeting.pk))
    page.get_by_role("button", name="Trình Hội đồng").click()
    page.get_by_text("Đã trình Hội đồng.", exact=True).wait_for()

    page.goto(f"{live_server.url}/admin/snippets/awards/councilmeeting/inspect/{meeting.pk}/")
    nomination = Nomination.objects.get()
    page.fill(f"#id_votes-for_{nomination.pk}", "10")  # more than the members voting
    page.get_by_role("button", name="Ghi kết quả bỏ phiếu").click()
    page.get_by_text("nhiều hơn số thành viên bỏ phiếu", exact=False).first.wait_for()
    page.fill(f"#id_votes-for_{nomination.pk}", "7")
    page.fill(f"#id_votes-against_{nomination.pk}", "1")
    page.get_by_role("button", name="Ghi kết quả bỏ phiếu").click()
    page.get_by_text("7/8 (87,50%)").wait_for()
    page.get_by_role("button", name="Kết thúc phiên họp").click()
    page.get_by_text("Đã kết thúc phiên họp", exact=False).first.wait_for()

    page.goto(f"{live_server.url}/admin/snippets/awards/decision/inspect/{decision.pk}/")
    page.get_by_label(str(nomination), exact=False).check()
    page.get_by_role("button", name="Ghi khen thưởng theo quyết định này").click()
    page.get_by_role("cell", name="710.000").first.wait_for()  # 0,3 × 2.340.000 = 702.000, rounded up
    assert Award.objects.filter(official=official, code="ldtt", achievement_year=2025).exists()
    assert page.errors == []
