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

from .statistics import Dataset, all_datasets, dataset, indicator_datasets, registry_datasets


def _item(data: Dataset) -> dict:
    totals = data.totals()
    description = _("%(title)s, in %(unit)s: %(values)s. The table below gives the figures.") % {
        "title": data.title,
        "unit": data.unit,
        "values": "; ".join(f"{row[0]}: {formats.number(total)}" for row, total in zip(data.rows, totals, strict=True)),
    }
    chart = bar_chart(
        key=data.slug,
        title=data.title,
        description=description,
        labels=[row[0] for row in data.rows],
        values=totals,
    )
    return {"data": data, "chart": chart}


@require_safe
def statistics_page(request):
    """The registry's datasets, then the indicators staff enter."""
    groups = [
        (_("From the registry of S&T tasks"), [_item(data) for data in registry_datasets()]),
        (_("S&T indicators"), [_item(data) for data in indicator_datasets()]),
    ]
    return render(request, "science/statistics.html", {"groups": [g for g in groups if g[1]]})


@require_safe
def open_data_page(request):
    """The list of every dataset with its metadata and its files (the open-data catalogue)."""
    return render(request, "science/open_data.html", {"datasets": all_datasets()})


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
