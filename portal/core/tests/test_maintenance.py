"""Planned maintenance (portal.core.maintenance): the notice on every public page from its
announcement until the interruption ends, the working days of notice, the admin's warning."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from portal.core.maintenance import current_window, notice_of
from portal.core.models import MaintenanceWindow


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _window(announce: dt.date, start: dt.date, hours: int = 4, **values) -> MaintenanceWindow:
    window = MaintenanceWindow(
        announce_from=announce,
        starts_at=_at(start, 22),
        ends_at=_at(start, 22) + dt.timedelta(hours=hours),
        message=values.get("message", "Dịch vụ gửi phản ánh, kiến nghị tạm dừng; xin gửi lại sau thời gian này."),
    )
    window.full_clean()
    window.save()
    return window


def test_working_days_of_notice_follow_the_calendar(db, settings):
    settings.MAINTENANCE_NOTICE_WORKING_DAYS = 7
    # Announced Monday 07/12/2026, interruption Thursday 17/12: 8–11 and 14–16 are 7 working days.
    enough = notice_of(MaintenanceWindow(announce_from=dt.date(2026, 12, 7), starts_at=_at(dt.date(2026, 12, 17), 22)))
    assert (enough.days, enough.sufficient, enough.earliest_start) == (7, True, dt.date(2026, 12, 17))
    short = notice_of(MaintenanceWindow(announce_from=dt.date(2026, 12, 7), starts_at=_at(dt.date(2026, 12, 12), 22)))
    assert (short.days, short.sufficient) == (4, False)
    # Tết 2026 (16–20/02) does not count: 13/02 and 23–25/02.
    tet = notice_of(MaintenanceWindow(announce_from=dt.date(2026, 2, 12), starts_at=_at(dt.date(2026, 2, 26), 22)))
    assert tet.days == 4


def test_the_window_must_make_sense(db):
    with pytest.raises(ValidationError) as error:
        _window(dt.date(2026, 12, 20), dt.date(2026, 12, 10))
    assert "announce_from" in error.value.message_dict
    window = MaintenanceWindow(
        announce_from=dt.date(2026, 12, 1),
        starts_at=_at(dt.date(2026, 12, 10), 22),
        ends_at=_at(dt.date(2026, 12, 10), 21),
        message="x",
    )
    with pytest.raises(ValidationError) as error:
        window.full_clean()
    assert "ends_at" in error.value.message_dict


def test_the_notice_is_on_public_pages_from_its_announcement_until_it_ends(client, home):
    today = timezone.localdate()
    later = _window(today + dt.timedelta(days=1), today + dt.timedelta(days=20), message="Chưa đến ngày báo.")
    assert current_window() is None
    assert "Chưa đến ngày báo." not in client.get("/").content.decode()
    window = _window(today, today + dt.timedelta(days=14))
    page = client.get("/").content.decode()
    assert "Bảo trì theo kế hoạch" in page and "xin gửi lại sau thời gian này" in page
    assert "22h ngày" in page
    assert "Chưa đến ngày báo." not in page
    window.delete()
    later.delete()
    assert "Bảo trì theo kế hoạch" not in client.get("/").content.decode()


def test_a_past_window_is_not_shown(client, home):
    today = timezone.localdate()
    MaintenanceWindow.objects.create(
        announce_from=today - dt.timedelta(days=20),
        starts_at=timezone.now() - dt.timedelta(days=2),
        ends_at=timezone.now() - dt.timedelta(days=1),
        message="Đã xong.",
    )
    assert current_window() is None and "Đã xong." not in client.get("/").content.decode()


def test_the_admin_warns_of_a_short_notice(client, home, settings):
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    admin = get_user_model().objects.create_superuser("root", "r@example.vn", "x-Secret-123-abc")
    client.force_login(admin)
    device = TOTPDevice.objects.create(user=admin, name="t", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    today = timezone.localdate()
    start = today + dt.timedelta(days=3)
    response = client.post(
        "/admin/snippets/core/maintenancewindow/add/",
        {
            "starts_at": f"{start:%Y-%m-%d} 22:00",
            "ends_at": f"{start:%Y-%m-%d} 23:30",
            "announce_from": f"{today:%Y-%m-%d}",
            "message": "Nâng cấp máy chủ.",
        },
        follow=True,
    )
    assert MaintenanceWindow.objects.count() == 1
    html = response.content.decode()
    assert "ngày làm việc" in html and "cần 7" in html
    listing = client.get("/admin/snippets/core/maintenancewindow/").content.decode()
    assert "không đủ" in listing
