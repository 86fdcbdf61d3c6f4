"""/thong-ke-khcn/: the S&T statistics and open data, each dataset as an accessible chart with
its table, and as CSV and JSON files with their metadata."""

from __future__ import annotations

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portal.core import formats
from portal.core.charts import bar_chart
from portal.core.reports import csv_response

from .statistics import all_datasets, dataset


@require_safe
def statistics_page(request):
    items = []
    for data in all_datasets():
        totals = data.totals()
        description = _("%(title)s, in %(unit)s: %(values)s. The table below gives the figures.") % {
            "title": data.title,
            "unit": data.unit,
            "values": "; ".join(
                f"{row[0]}: {formats.number(total)}" for row, total in zip(data.rows, totals, strict=True)
            ),
        }
        chart = bar_chart(
            key=data.slug,
            title=data.title,
            description=description,
            labels=[row[0] for row in data.rows],
            values=totals,
        )
        items.append({"data": data, "chart": chart})
    return render(request, "science/statistics.html", {"items": items})


def _dataset_or_404(slug: str):
    data = dataset(slug)
    if data is None:
        raise Http404
    return data


@require_safe
def statistics_csv(request, slug: str):
    data = _dataset_or_404(slug)
    return csv_response(f"{data.slug}.csv", data.labels, data.rows)


@require_safe
def statistics_json(request, slug: str):
    return JsonResponse(_dataset_or_404(slug).as_json(), json_dumps_params={"ensure_ascii": False})
