"""Báo cáo → Thống kê thi đua – khen thưởng (counts by title and form for a span of
achievement years and a unit, XLSX and DOCX, each export logged) and Báo cáo → Theo dõi xét
khen thưởng (the council's dashboard for the year under review)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core import reports
from portal.core.admin_reports import AdminReportView

from ..exports import statistics_document
from ..models import AWARDS, Unit
from ..selectors.reports import close_calls, period_statistics

MAX_SPAN = 30


class PeriodForm(forms.Form):
    year_from = forms.IntegerField(label=gettext_lazy("From the year"), min_value=1945, max_value=2100)
    year_to = forms.IntegerField(label=gettext_lazy("To the year"), min_value=1945, max_value=2100)
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit (with the units under it)"),
        queryset=Unit.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("The whole department"),
    )

    def clean(self):
        data = super().clean()
        first, last = data.get("year_from"), data.get("year_to")
        if first and last:
            if first > last:
                raise forms.ValidationError(_("The first year comes after the last."))
            if last - first >= MAX_SPAN:
                raise forms.ValidationError(_("At most %(count)s years at a time.") % {"count": MAX_SPAN})
        return data


class YearForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Achievement year"), min_value=1945, max_value=2100)
    unit = PeriodForm.base_fields["unit"]


class StatisticsView(AdminReportView):
    permission = "awards.view_award"
    page_title = gettext_lazy("Emulation and awards statistics")
    template_name = "awards/admin/statistics.html"
    header_icon = "pick"
    form_class = PeriodForm
    query_fields = ("year_from", "year_to")

    def default_period(self) -> dict:
        last = timezone.localdate().year - 1
        return {"year_from": last - 4, "year_to": last}

    def get(self, request, *args, **kwargs):
        form = self.period_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, stats=None), status=400)
        data = form.cleaned_data
        stats = period_statistics(year_from=data["year_from"], year_to=data["year_to"], unit=data["unit"])
        export = request.GET.get("export")
        if export in ("xlsx", "docx"):
            reports.report_export_record(
                user=request.user,
                report="awards_statistics",
                file_format=export,
                date_from=dt.date(stats.year_from, 1, 1),
                date_to=dt.date(stats.year_to, 12, 31),
            )
            filename = f"thong-ke-khen-thuong-{stats.year_from}-{stats.year_to}.{export}"
            if export == "docx":
                return reports.docx_response(filename, statistics_document(stats))
            return reports.xlsx_response(filename, _sheets(stats))
        query = request.GET.urlencode() if any(name in request.GET for name in self.query_fields) else ""
        return self.render_to_response(
            self.get_context_data(form=form, stats=stats, codes=[c for c, _n in AWARDS], query=query)
        )


def _sheets(stats) -> list[reports.Sheet]:
    used = [code for code, _name, _p, _u in stats.by_form]
    names = {code: name for code, name, _p, _u in stats.by_form}
    return [
        reports.Sheet(
            _("By title and form"),
            [_("Title or form"), _("Individuals"), _("Collectives"), _("Total")],
            [[name, p, u, p + u] for _c, name, p, u in stats.by_form] + [[_("Total"), "", "", stats.total]],
        ),
        reports.Sheet(
            _("By unit"),
            [_("Unit"), *[names[c] for c in used], _("Total")],
            [[unit, *[counts.get(c, 0) for c in used], total] for unit, counts, total in stats.by_unit],
        ),
    ]


class DashboardView(AdminReportView):
    permission = "awards.view_nomination"
    page_title = gettext_lazy("Council's follow-up")
    template_name = "awards/admin/dashboard.html"
    header_icon = "pick"
    form_class = YearForm
    query_fields = ("year",)

    def default_period(self) -> dict:
        return {"year": timezone.localdate().year - 1}

    def get(self, request, *args, **kwargs):
        form = self.period_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, near=None), status=400)
        near, questions = close_calls(year=form.cleaned_data["year"], unit=form.cleaned_data["unit"])
        return self.render_to_response(
            self.get_context_data(form=form, near=near, questions=questions, year=form.cleaned_data["year"])
        )
