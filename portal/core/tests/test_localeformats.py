"""Dates are typed and read day first everywhere (portal/core/localeformats/vi/formats.py)."""

import datetime as dt

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import get_format


def test_a_typed_or_picked_date_is_read_day_first():
    with translation.override("vi"):
        # Wagtail's picker writes WAGTAIL_DATETIME_FORMAT; Django's defaults read it month first.
        assert forms.DateTimeField().clean("02/12/2026 08:00").date() == dt.date(2026, 12, 2)
        assert forms.DateField().clean("02/12/2026") == dt.date(2026, 12, 2)
        assert forms.DateField().clean("2026-12-02") == dt.date(2026, 12, 2)  # ISO, from a link
        assert get_format("FIRST_DAY_OF_WEEK") == 1  # Thứ Hai


def test_wagtail_display_formats_are_the_first_input_formats():
    # Wagtail requires its formats to be accepted by the active language (its documentation).
    with translation.override("vi"):
        assert get_format("DATE_INPUT_FORMATS")[0] == settings.WAGTAIL_DATE_FORMAT
        assert get_format("DATETIME_INPUT_FORMATS")[0] == settings.WAGTAIL_DATETIME_FORMAT


def test_dates_are_shown_day_first():
    moment = dt.datetime(2026, 12, 2, 8, 5)
    with translation.override("vi"):
        shown = Template('{{ m|date }}|{{ m|date:"SHORT_DATETIME_FORMAT" }}').render(Context({"m": moment}))
    assert shown == "02/12/2026|02/12/2026 08:05"


def test_the_page_editors_go_live_field_reads_the_picked_date_day_first(home):
    from portal.news.models import ArticlePage

    form_class = ArticlePage.get_edit_handler().get_form_class()
    field = form_class.base_fields["go_live_at"]
    with translation.override("vi"):
        assert 'data-options="{' in str(field.widget.render("go_live_at", None, {"id": "id_go_live_at"}))
        assert field.clean("02/12/2026 08:00").date() == dt.date(2026, 12, 2)


def test_admin_report_periods_use_wagtails_date_picker():
    from wagtail.admin.widgets import AdminDateInput

    from portal.core.forms import DateRangeForm

    form = DateRangeForm({"date_from": "02/11/2026", "date_to": "02/12/2026"})
    assert isinstance(form.fields["date_from"].widget, AdminDateInput)
    assert form.is_valid() and form.cleaned_data["date_to"] == dt.date(2026, 12, 2)


def test_one_date_reader_for_filters_and_forms():
    from portal.core.params import BadParameter, date_param

    assert date_param("03/12/2026") == dt.date(2026, 12, 3) == date_param("2026-12-03")
    assert date_param("") is None and date_param(None) is None
    for bad in ("31/02/2026", "9999-12-31", "01/01/1800", "hôm qua", "12/03/26"):
        with pytest.raises(BadParameter):
            date_param(bad)
