"""The statistics: live from the registry and adding up to it, accessible SVG charts beside
their tables, CSV and JSON with metadata, and the API."""

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from portal.core.charts import bar_chart
from portal.science import services
from portal.science.models import Task, TaskStatus
from portal.science.statistics import all_datasets, dataset

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def registry(make_task, manager):
    make_task("ĐT.01/2023", start=dt.date(2023, 1, 1), budget_other=100)
    make_task("ĐT.02/2023", start=dt.date(2023, 5, 1), field="y-duoc")
    task = make_task("ĐT.03/2024", level="co-so")
    task = services.science_task_start(
        services.science_task_approve(task, user=manager, selection="tuyen-chon"), user=manager
    )
    services.science_task_accept(task, user=manager, rating="kha", accepted_on=dt.date(2025, 2, 1))


def test_tasks_by_year_status_adds_up_to_the_registry(registry):
    data = dataset("tasks-by-year-status")
    assert data.columns == ["year", *TaskStatus.values]
    assert data.rows == [[2023, 2, 0, 0, 0, 0, 0], [2024, 0, 0, 0, 0, 1, 0]]
    assert sum(sum(row[1:]) for row in data.rows) == Task.objects.count()
    for row in data.rows:
        for status, count in zip(data.columns[1:], row[1:], strict=True):
            assert Task.objects.filter(start__year=row[0], status=status).count() == count


def test_other_datasets(registry):
    by_field = dict(dataset("tasks-by-field").rows)
    assert by_field["Khoa học nông nghiệp"] == 2 and by_field["Khoa học y, dược"] == 1 and sum(by_field.values()) == 3
    assert dataset("budget-by-year").rows[0] == [2023, 1_700_000_000, 100]
    assert dict(dataset("acceptance-ratings").rows)["Khá"] == 1
    assert dataset("top-host-organisations").rows == [["Trường Đại học Nông Lâm", 3]]
    assert dataset("nope") is None and len(all_datasets()) == 6


def test_chart_is_valid_svg_with_title_and_description():
    svg = bar_chart(
        key="k", title="Số <nhiệm vụ>", description="Mô tả & số liệu", labels=["2023", "2024"], values=[2, 1]
    )
    root = ET.fromstring(str(svg))
    assert root.tag == SVG + "svg" and root.get("role") == "img" and root.get("aria-labelledby") == "k-title k-desc"
    assert root.find(SVG + "title").text == "Số <nhiệm vụ>" and root.find(SVG + "desc").text == "Mô tả & số liệu"
    widths = [float(rect.get("width")) for rect in root.iter(SVG + "rect")]
    assert widths == [330.0, 165.0]
    ET.fromstring(str(bar_chart(key="e", title="t", description="d", labels=[], values=[])))


def test_page_has_charts_tables_and_downloads(client, registry):
    page = client.get("/thong-ke-khcn/").content.decode()
    assert page.count('<svg class="chart"') == 6 and page.count("<table") == 6
    assert "/thong-ke-khcn/tasks-by-year-status.csv" in page and "CC BY 4.0" in page
    csv = client.get("/thong-ke-khcn/tasks-by-year-status.csv").content.decode("utf-8-sig")
    assert csv.splitlines()[0] == "Năm,Đề xuất,Đã phê duyệt,Đang thực hiện,Gia hạn,Đã nghiệm thu,Dừng thực hiện"
    data = json.loads(client.get("/thong-ke-khcn/budget-by-year.json").content)
    assert {"title", "unit", "source", "licence", "updated_at", "columns", "rows"} <= set(data)
    assert client.get("/thong-ke-khcn/nope.json").status_code == 404


def test_api(client, registry):
    listed = client.get("/api/v1/statistics").json()
    assert [item["slug"] for item in listed][0] == "tasks-by-year-status"
    assert set(listed[0]) == {"slug", "title", "unit", "updated_at"}
    one = client.get("/api/v1/statistics/tasks-by-year-status").json()
    assert one["rows"] == [[2023, 2, 0, 0, 0, 0, 0], [2024, 0, 0, 0, 0, 1, 0]] and one["source"]
    assert client.get("/api/v1/statistics/nope").status_code == 404
