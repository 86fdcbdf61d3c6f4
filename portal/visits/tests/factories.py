"""Test data and helpers of the visit statistics tests: browsers, times, a hit."""

import datetime as dt
from zoneinfo import ZoneInfo

from portal.core.tests.factories import DESKTOP
from portal.visits import services

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: dt.date, hour: int = 10) -> float:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=VN).timestamp()


def hit(ip="203.0.113.5", agent=DESKTOP, page=None, referrer="", when=None):
    return services.hit_record(
        ip=ip, user_agent=agent, page_id=page, referrer=referrer, own_host="sokhcn.example.vn", at=when
    )
