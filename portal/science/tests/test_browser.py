"""In Debian's chromium: a citizen on a phone filters the tasks under way and opens one; the
task manager takes a step on the task's admin page."""

import datetime as dt

import pytest

from portal.core.tests.browser import BROWSER, signed_in_page

pytestmark = BROWSER


@pytest.fixture
def tasks(transactional_db):
    from portal.home.setup import portal_setup
    from portal.science.models import Organisation, Task

    portal_setup()
    host = Organisation.objects.create(name="Trung tâm Khuyến nông tỉnh")
    common = {"kind": "de-tai", "level": "tinh", "host": host, "investigator": "TS. Vũ Lâm", "end": dt.date(2027, 1, 1)}
    farm = Task.objects.create(
        code="ĐT.01/2025", title="Nông nghiệp công nghệ cao cho rau an toàn", field="nong-nghiep",
        start=dt.date(2025, 1, 1), status="in_progress", **common,
    )  # fmt: skip
    Task.objects.create(
        code="ĐT.02/2025", title="Dân ca các dân tộc", field="nhan-van", start=dt.date(2025, 2, 1),
        status="in_progress", **common,
    )  # fmt: skip
    return farm


def test_filters_on_a_phone(browser, live_server, tasks):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/nhiem-vu-khcn/dang-tien-hanh/")
    assert page.get_by_text("2 nhiệm vụ").is_visible()
    page.select_option("#st-field", "nhan-van")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url("**linh-vuc=nhan-van**")
    assert page.get_by_role("link", name="Dân ca các dân tộc").is_visible()
    assert page.get_by_role("link", name="Nông nghiệp công nghệ cao cho rau an toàn").count() == 0
    page.select_option("#st-field", "")
    page.fill("#st-q", "nong nghiep cong nghe cao")
    page.get_by_role("button", name="Xem").click()
    page.get_by_role("link", name="Nông nghiệp công nghệ cao cho rau an toàn").click()
    page.wait_for_url(f"**/nhiem-vu-khcn/{tasks.pk}/")
    assert page.get_by_role("heading", name="Nông nghiệp công nghệ cao cho rau an toàn").is_visible()
    assert page.get_by_text("Trung tâm Khuyến nông tỉnh").first.is_visible()
    context.close()


def test_the_manager_extends_a_task(browser, live_server, tasks):
    from portal.core.tests.factories import make_user
    from portal.science.models import TaskEvent
    from portal.science.roles import TASK_MANAGERS

    context, page = signed_in_page(browser, live_server, make_user("quanlynv", TASK_MANAGERS))
    page.goto(f"{live_server.url}/admin/snippets/science/task/inspect/{tasks.pk}/")
    page.fill("#id_extend-new_end", "01/06/2027")
    page.fill("#id_extend-reason", "Thời tiết bất lợi làm chậm vụ thí nghiệm")
    page.get_by_role("button", name="Gia hạn").click()
    page.get_by_text("Đã gia hạn đến ngày 01/06/2027.").wait_for()
    assert page.get_by_role("cell", name="Thời tiết bất lợi làm chậm vụ thí nghiệm").is_visible()
    event = TaskEvent.objects.get(task=tasks, action="extend")
    assert event.user.username == "quanlynv" and event.to_status == "extended"
    context.close()
