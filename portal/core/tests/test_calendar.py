"""Working days: weekends, national holidays (lunar ones included), the Government's swapped
days, the department's own exceptions; deadlines counted from them."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from portal.core.calendar import add_working_days, day_off_reason, is_working_day, working_days_between
from portal.core.models import CalendarDay

D = dt.date
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 2, 13), True),  # Friday before Tết
        (D(2026, 2, 16), False),  # Giao thừa (lunar)
        (D(2026, 2, 20), False),  # Mùng bốn Tết
        (D(2026, 2, 23), True),
        (D(2026, 4, 26), False),  # Giỗ Tổ Hùng Vương, 10/3 lunar, a Sunday
        (D(2026, 4, 27), False),  # … so Monday is the substitute day off
        (D(2026, 4, 30), False),
        (D(2026, 5, 1), False),
        (D(2026, 8, 22), True),  # a Saturday worked to join 31/8 to Quốc khánh
        (D(2026, 8, 31), False),
        (D(2026, 9, 2), False),
        (D(2026, 12, 5), False),  # Saturday
        (D(2026, 12, 7), True),
    ],
)
def test_national_calendar(day, working):
    assert is_working_day(day) is working


@pytest.mark.django_db
def test_deadlines_skip_tet():
    # Received on Friday 13/02/2026: Tết 16–20/02 and the weekends do not count.
    assert add_working_days(D(2026, 2, 13), 5) == D(2026, 2, 27)
    assert add_working_days(D(2026, 2, 13), 10) == D(2026, 3, 6)
    assert add_working_days(D(2026, 2, 13), 0) == D(2026, 2, 13)
    assert working_days_between(D(2026, 2, 13), D(2026, 2, 27)) == 5
    assert working_days_between(D(2026, 2, 27), D(2026, 2, 13)) == 0
    # A late-evening time in Vietnam is that Vietnamese day, whatever the UTC date.
    late = dt.datetime(2026, 2, 13, 23, 30, tzinfo=HCM)
    assert add_working_days(late, 1) == D(2026, 2, 23)
    with pytest.raises(ValueError):
        add_working_days(D(2026, 2, 13), -1)


@pytest.mark.django_db
def test_department_exceptions_win():
    assert add_working_days(D(2026, 12, 3), 2) == D(2026, 12, 7)  # Fri 4, then Mon 7
    CalendarDay.objects.create(date=D(2026, 12, 4), reason="Ngày thành lập tỉnh")
    CalendarDay.objects.create(date=D(2026, 12, 5), working=True, reason="Làm bù")
    assert not is_working_day(D(2026, 12, 4)) and is_working_day(D(2026, 12, 5))
    assert add_working_days(D(2026, 12, 3), 2) == D(2026, 12, 7)  # Sat 5, then Mon 7
    assert add_working_days(D(2026, 12, 3), 1) == D(2026, 12, 5)
    assert day_off_reason(D(2026, 12, 4)) == "Ngày thành lập tỉnh"
    assert day_off_reason(D(2026, 2, 17)) == "Tết Nguyên Đán"
    assert day_off_reason(D(2026, 12, 6)) == "Chủ nhật"
    assert day_off_reason(D(2026, 12, 5)) == ""
