"""The report period form shared by the admin reports."""

from portal.core.forms import DateRangeForm
from portal.feedback.admin_views import PeriodForm
from portal.visits.views import ReportForm


def test_period_accepts_both_date_formats():
    form = DateRangeForm({"date_from": "01/02/2026", "date_to": "2026-03-31"})
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["date_to"] - form.cleaned_data["date_from"]).days == 58


def test_period_rejects_reversed_and_too_long_spans_in_vietnamese():
    reversed_ = DateRangeForm({"date_from": "2026-03-01", "date_to": "2026-02-01"})
    assert not reversed_.is_valid()
    assert reversed_.non_field_errors() == ["Ngày bắt đầu không được sau ngày kết thúc."]
    assert ReportForm({"date_from": "2023-01-01", "date_to": "2025-12-31"}).is_valid()
    too_long = ReportForm({"date_from": "2022-01-01", "date_to": "2025-12-31"})
    assert too_long.non_field_errors() == ["Hãy chọn khoảng thời gian tối đa 3 năm."]
    assert PeriodForm({"date_from": "2022-01-01", "date_to": "2025-12-31"}).is_valid()
    assert not PeriodForm({"date_from": "2020-01-01", "date_to": "2025-12-31"}).is_valid()
    assert DateRangeForm({"date_from": "31/02/2026", "date_to": ""}).errors.keys() == {"date_from", "date_to"}


def test_dates_outside_the_reports_years_are_refused_in_vietnamese(client, home):
    """Issue 14.4: a report for the year 0001 was a server error."""
    form = DateRangeForm({"date_from": "01/01/0001", "date_to": "31/12/9999"})
    assert not form.is_valid()
    assert form.errors["date_from"] == ["Hãy chọn ngày trong khoảng từ 01/01/2000 đến 31/12/2100."]
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("quantri", password="x-Secret-123"))
    for path in ("/admin/reports/petitions/", "/admin/reports/visits/"):
        response = client.get(path, {"date_from": "0001-01-01", "date_to": "0001-12-31"})
        assert response.status_code == 200 and "01/01/2000" in response.content.decode(), path
