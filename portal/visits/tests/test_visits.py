"""Visit statistics: counting, buffering and flushing, closing days, counters, admin report."""

import csv
import datetime as dt
import io
from unittest import mock
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.core import roles
from portal.core.beacons import client_ip, device_class, is_bot
from portal.core.models import ReportExport
from portal.core.tests.factories import make_user
from portal.news.tests.factories import make_article, make_category
from portal.visits import buffer, selectors, services
from portal.visits.models import (
    DailyDevice,
    DailyPageView,
    DailyReferrer,
    DailySalt,
    DailyTotal,
    DailyVisitor,
)

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
)
TABLET = (
    "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/604.1"
)
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: dt.date, hour: int = 10) -> float:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=VN).timestamp()


@pytest.fixture(autouse=True)
def _empty_buffer(db):
    buffer.get_buffer().clear()
    services._salts.clear()
    yield
    buffer.get_buffer().clear()


def hit(ip="203.0.113.5", agent=BROWSER, page=None, referrer="", when=None):
    return services.hit_record(
        ip=ip, user_agent=agent, page_id=page, referrer=referrer, own_host="sokhcn.example.vn", at=when
    )


# --------------------------------------------------------------------------- helpers
def test_bots_and_devices():
    assert is_bot("") and is_bot("Googlebot/2.1") and is_bot("curl/8.5") and is_bot("HeadlessChrome/130")
    assert not is_bot(BROWSER)
    assert (device_class(BROWSER), device_class(PHONE), device_class(TABLET)) == ("desktop", "mobile", "tablet")


def test_client_ip_trusts_only_configured_proxies(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "127.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "198.51.100.7"  # the left entry was written by the client


@pytest.mark.parametrize(
    "referrer, host",
    [
        ("https://www.google.com/search?q=so+khcn", "google.com"),
        ("http://baochinhphu.vn/bai-viet?id=1", "baochinhphu.vn"),
        ("https://sokhcn.example.vn/tin-tuc/", ""),  # our own site
        ("https://www.sokhcn.example.vn/", ""),
        ("javascript:alert(1)", ""),
        ("https://exa mple.com/", ""),
        ("", ""),
    ],
)
def test_referrer_host(referrer, host):
    assert services.referrer_host(referrer, own_host="sokhcn.example.vn") == host


# --------------------------------------------------------------------------- recording and flushing
def test_hits_are_buffered_then_stored(home, category):
    article = make_article(category, "Bài có người đọc")
    today = dt.date(2026, 11, 25)
    assert hit(page=article.pk, referrer="https://www.google.com/", when=at(today)) is True
    hit(page=article.pk, when=at(today, 11))  # same reader again
    hit(ip="203.0.113.9", agent=PHONE, page=category.pk, when=at(today, 12))
    hit(page=987654, when=at(today, 13))  # no such page: counted in totals only
    assert hit(agent="Googlebot/2.1", page=article.pk, when=at(today)) is False
    assert not DailyTotal.objects.exists()  # nothing written before a flush

    services.visits_flush()
    total = DailyTotal.objects.get(day=today)
    assert total.views == 4
    assert DailyVisitor.objects.filter(day=today).count() == 2
    assert dict(DailyPageView.objects.values_list("page_id", "views")) == {article.pk: 2, category.pk: 1}
    assert dict(DailyDevice.objects.values_list("device", "views")) == {"desktop": 3, "mobile": 1}
    assert dict(DailyReferrer.objects.values_list("host", "views")) == {"google.com": 1}

    # A second flush adds to the same rows.
    hit(page=article.pk, when=at(today, 14))
    services.visits_flush()
    assert DailyTotal.objects.get(day=today).views == 5
    assert DailyPageView.objects.get(page=article).views == 3
    assert DailyVisitor.objects.filter(day=today).count() == 2


def test_no_address_is_stored(home):
    hit(ip="198.51.100.77", when=at(dt.date(2026, 11, 25)))
    services.visits_flush()
    for model in (DailyVisitor, DailyTotal, DailyDevice, DailySalt):
        for row in model.objects.values():
            assert "198.51.100.77" not in repr(row)


def test_salt_changes_daily_so_hashes_do_not_link_days(home):
    day1, day2 = dt.date(2026, 11, 24), dt.date(2026, 11, 25)
    assert services.daily_salt(day1) != services.daily_salt(day2)
    assert services.visitor_hash(day=day1, ip="1.2.3.4", user_agent=BROWSER) != services.visitor_hash(
        day=day2, ip="1.2.3.4", user_agent=BROWSER
    )
    services._salts.clear()  # another process finds the same salt in the database
    assert services.visitor_hash(day=day1, ip="1.2.3.4", user_agent=BROWSER) == services.visitor_hash(
        day=day1, ip="1.2.3.4", user_agent=BROWSER
    )


def test_rollup_keeps_counts_and_deletes_hashes_and_salts(home):
    yesterday, today = dt.date(2026, 11, 24), dt.date(2026, 11, 25)
    for n in range(3):
        hit(ip=f"10.0.0.{n}", when=at(yesterday))
    hit(ip="10.0.0.1", when=at(today))
    services.visits_flush()
    assert services.visits_rollup(today=today) == 1
    assert DailyTotal.objects.get(day=yesterday).visitors == 3
    assert not DailyVisitor.objects.filter(day=yesterday).exists()
    assert not DailySalt.objects.filter(day=yesterday).exists()
    assert DailyVisitor.objects.filter(day=today).count() == 1  # today stays open
    assert selectors.visitors_between(yesterday, today) == 4
    # Hits of yesterday flushed late (after midnight) still add up.
    hit(ip="10.0.0.9", when=at(yesterday, 23))
    services.visits_flush()
    services.visits_rollup(today=today)
    assert DailyTotal.objects.get(day=yesterday).visitors == 4


def test_failed_flush_loses_nothing(home):
    today = dt.date(2026, 11, 25)
    hit(when=at(today))
    hit(ip="10.9.9.9", when=at(today))
    with mock.patch("portal.visits.services.DailyTotal.objects") as broken:
        broken.filter.side_effect = RuntimeError("database unavailable")
        with pytest.raises(RuntimeError):
            services.visits_flush()
    assert not DailyTotal.objects.exists()
    hit(ip="10.9.9.10", when=at(today))  # counted while the database was away
    services.visits_flush()
    assert DailyTotal.objects.get(day=today).views == 3
    assert DailyVisitor.objects.filter(day=today).count() == 3


def test_memory_buffer_is_written_at_exit(home, settings):
    settings.REDIS_URL = ""
    memory = buffer.MemoryBuffer(interval=0)
    with mock.patch.object(buffer, "_buffer", memory):
        hit(when=at(dt.date(2026, 11, 25)))
        exit_hooks = []
        with mock.patch("atexit.register", exit_hooks.append):
            buffer.install_exit_flush()
        exit_hooks[0]()
    assert DailyTotal.objects.get(day=dt.date(2026, 11, 25)).views == 1


def test_flush_command_writes_and_rolls_up(home, capsys):
    from django.core.management import call_command

    hit(when=at(dt.date(2020, 1, 1)))
    call_command("flush_visits")
    assert "1" in capsys.readouterr().out
    assert DailyTotal.objects.get(day=dt.date(2020, 1, 1)).visitors == 1
    assert not DailyVisitor.objects.exists()


# --------------------------------------------------------------------------- public side
def test_beacon_api_counts_and_returns_counters(client, home, category):
    response = client.post(
        "/api/v1/visits/hit",
        {"page": category.pk, "referrer": "https://zalo.me/x"},
        content_type="application/json",
        HTTP_USER_AGENT=PHONE,
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert set(response.json()) == {"online", "today", "month", "total", "page_views"}
    assert response.json()["page_views"] is None  # a category page keeps no counter of its own
    pixel = client.get(f"/api/v1/visits/hit.gif?page={category.pk}", HTTP_USER_AGENT=BROWSER)
    assert pixel["Content-Type"] == "image/gif"
    client.post("/api/v1/visits/hit", {}, content_type="application/json", HTTP_USER_AGENT="Googlebot/2.1")
    client.post(
        "/api/v1/visits/hit", {}, content_type="application/json", HTTP_USER_AGENT=BROWSER, HTTP_SEC_PURPOSE="prefetch"
    )
    services.visits_flush()
    today = timezone.localdate()
    assert DailyTotal.objects.get(day=today).views == 2
    assert DailyReferrer.objects.get().host == "zalo.me"
    data = client.get("/api/v1/visits/counters").json()
    assert data == {"online": 2, "today": 2, "month": 2, "total": 2}


def test_beacon_rejects_bad_input_in_vietnamese(client, home):
    response = client.post(
        "/api/v1/visits/hit", {"page": "abc"}, content_type="application/json", HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 422
    assert "không hợp lệ" in response.json()["detail"][0]["message"]
    assert (
        client.post("/api/v1/visits/hit", {"referrer": "x" * 5000}, content_type="application/json").status_code == 422
    )
    services.visits_flush()
    assert not DailyTotal.objects.exists()


def test_footer_shows_counters_and_beacon_also_on_cached_pages(client, home, category):
    article = make_article(category, "Bài trong bộ nhớ đệm")
    html = client.get(article.url).content.decode()
    assert "Đang truy cập" in html and "Hôm nay" in html and "Tháng này" in html and "Tổng lượt truy cập" in html
    assert f'data-page-id="{article.pk}"' in html
    assert f"/api/v1/visits/hit.gif?page={article.pk}" in html
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    for _ in range(5):  # five loads of the cached page, five beacons
        client.post(
            "/api/v1/visits/hit", {"page": article.pk}, content_type="application/json", HTTP_USER_AGENT=BROWSER
        )
    services.visits_flush()
    assert DailyPageView.objects.get(page=article).views == 5
    # The search page is no Wagtail page: counted, without a page.
    assert 'data-visit-beacon="/api/v1/visits/hit"' in client.get("/tim-kiem/?q=abc").content.decode()


def test_counters_cover_online_today_month_total(home):
    today = timezone.localdate()
    earlier = today.replace(day=1) - dt.timedelta(days=40)
    DailyTotal.objects.create(day=earlier, views=100, visitors=70)
    if today.day > 1:
        DailyTotal.objects.create(day=today.replace(day=1), views=10, visitors=5)
    hit(ip="10.1.1.1")
    hit(ip="10.1.1.2", when=timezone.now().timestamp() - 3600)  # an hour ago: not online
    services.visits_flush()
    month_before_today = 5 if today.day > 1 else 0
    assert selectors.counters() == {
        "online": 1,
        "today": 2,
        "month": 2 + month_before_today,
        "total": 72 + month_before_today,
    }


# --------------------------------------------------------------------------- admin report
@pytest.fixture
def report_data(home):
    science = make_category(home, "Khoa học công nghệ")
    awards = make_category(home, "Thi đua khen thưởng")
    popular = make_article(science, '=HYPERLINK("http://x") Bài được đọc nhiều')
    other = make_article(awards, "Bài thi đua")
    day1, day2 = dt.date(2026, 11, 2), dt.date(2026, 11, 3)
    for n in range(6):
        hit(ip=f"10.2.0.{n}", page=popular.pk, when=at(day1), referrer="https://www.google.com/")
    for n in range(2):
        hit(ip=f"10.3.0.{n}", agent=PHONE, page=other.pk, when=at(day2))
    hit(ip="10.3.0.9", page=awards.pk, when=at(day2))
    services.visits_flush()
    services.visits_rollup(today=dt.date(2026, 11, 3))
    return {
        "popular": popular,
        "other": other,
        "science": science,
        "awards": awards,
        "from": dt.date(2026, 11, 1),
        "to": day2,
    }


def test_report_aggregates(report_data):
    report = selectors.report(date_from=report_data["from"], date_to=report_data["to"])
    assert [(r.day.day, r.views, r.visitors) for r in report.days] == [(1, 0, 0), (2, 6, 6), (3, 3, 3)]
    assert [(r.label, r.views) for r in report.articles] == [(report_data["popular"].title, 6), ("Bài thi đua", 2)]
    assert [(r.label, r.views) for r in report.categories] == [("Khoa học công nghệ", 6), ("Thi đua khen thưởng", 3)]
    assert [(r.label, r.views) for r in report.referrers] == [("google.com", 6)]
    assert [(r.label, r.views) for r in report.devices] == [("Máy tính", 7), ("Điện thoại", 2)]


def test_report_needs_permission(client, report_data):
    client.force_login(make_user("bt", roles.EDITORS))
    assert client.get("/admin/reports/visits/").status_code == 302
    assert not ReportExport.objects.exists()
    client.force_login(make_user("tb", roles.APPROVERS))
    response = client.get("/admin/reports/visits/?date_from=2026-11-01&date_to=2026-11-03")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thống kê truy cập" in html and "Bài thi đua" in html and "google.com" in html


def test_report_bad_dates_explained_in_vietnamese(client, report_data):
    client.force_login(make_user("tb", roles.APPROVERS))
    html = client.get("/admin/reports/visits/?date_from=2026-11-05&date_to=2026-11-01&export=xlsx").content.decode()
    assert "Ngày bắt đầu không được sau ngày kết thúc." in html
    html = client.get("/admin/reports/visits/?date_from=hôm-qua&date_to=2026-11-01").content.decode()
    assert "Nhập một ngày hợp lệ." in html
    assert not ReportExport.objects.exists()


def test_xlsx_export_is_logged(client, report_data):
    user = make_user("tb", roles.APPROVERS)
    client.force_login(user)
    response = client.get("/admin/reports/visits/?date_from=2026-11-01&date_to=2026-11-03&export=xlsx")
    assert response.status_code == 200
    assert "thong-ke-truy-cap-20261101-20261103.xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Theo ngày",
        "Bài viết xem nhiều",
        "Chuyên mục xem nhiều",
        "Nguồn truy cập",
        "Thiết bị",
    ]
    days = list(workbook["Theo ngày"].values)
    assert days[0] == ("Ngày", "Lượt xem trang", "Lượt truy cập")
    assert days[2][1:] == (6, 6) and days[2][0].date() == dt.date(2026, 11, 2)
    title_cell = workbook["Bài viết xem nhiều"]["A2"]
    assert title_cell.value.startswith("=HYPERLINK") and title_cell.data_type == "s"  # text, not a formula
    export = ReportExport.objects.get()
    assert (export.user, export.file_format, export.date_from) == (user, "xlsx", dt.date(2026, 11, 1))
    entry = ModelLogEntry.objects.get(action="portal.report_export")
    assert entry.user == user and entry.data["format"] == "xlsx"


def test_csv_export(client, report_data):
    client.force_login(make_user("tb", roles.APPROVERS))
    response = client.get("/admin/reports/visits/?date_from=2026-11-01&date_to=2026-11-03&export=csv&table=articles")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["Bài viết", "Địa chỉ", "Lượt xem trang"]
    assert rows[1][0].startswith("'=HYPERLINK") and rows[1][2] == "6"
    assert ReportExport.objects.get().file_format == "csv:articles"


# --------------------------------------------------------------------------- Redis buffer
@pytest.mark.skipif(not __import__("os").environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_redis_buffer_survives_a_failed_flush(home):
    assert isinstance(buffer.get_buffer(), buffer.RedisBuffer)
    today = dt.date(2026, 11, 25)
    hit(when=at(today))
    with pytest.raises(RuntimeError):
        buffer.get_buffer().flush(writer=mock.Mock(side_effect=RuntimeError("database unavailable")))
    hit(ip="10.7.7.7", when=at(today))  # arrives while the first batch waits in Redis
    assert buffer.get_buffer().pending().counters[f"{today}|total|"] == 2
    services.visits_flush()
    assert DailyTotal.objects.get(day=today).views == 2
    assert not buffer.get_buffer().pending()
