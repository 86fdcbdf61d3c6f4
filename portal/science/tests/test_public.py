"""The public lists, a task's page, the feed, the site search tab and the API: filters, search
without diacritics, validation, and no member's name anywhere."""

import datetime as dt
from urllib.parse import quote

import pytest

from portal.science import services
from portal.science.models import Organisation


@pytest.fixture
def registry(make_task, manager):
    running = make_task("ĐT.01/2024")
    services.science_task_start(
        services.science_task_approve(running, user=manager, selection="tuyen-chon"), user=manager
    )
    hospital = Organisation.objects.create(name="Bệnh viện Đa khoa tỉnh")
    done = make_task(
        "DA.02/2021", title="Can thiệp mạch vành qua da", field="y-duoc", level="bo", host=hospital,
        start=dt.date(2021, 1, 1), end=dt.date(2022, 6, 1),
    )  # fmt: skip
    done = services.science_task_start(
        services.science_task_approve(done, user=manager, selection="giao-truc-tiep"), user=manager
    )
    services.science_task_accept(
        done, user=manager, rating="xuat-sac", accepted_on=dt.date(2022, 7, 1), results="Kỹ thuật mới"
    )
    proposed = make_task("ĐT.09/2026", title="Đề xuất mới", start=dt.date(2026, 1, 1), end=dt.date(2027, 1, 1))
    return {"running": running, "done": done, "proposed": proposed, "hospital": hospital}


def test_running_and_results_pages(client, registry):
    running = client.get("/nhiem-vu-khcn/dang-tien-hanh/").content.decode()
    assert "ĐT.01/2024" in running and "DA.02/2021" not in running and "ĐT.09/2026" not in running
    results = client.get("/nhiem-vu-khcn/ket-qua/").content.decode()
    assert "DA.02/2021" in results and "Xuất sắc" in results and "ĐT.01/2024" not in results
    assert "Bí Mật" not in running + results


@pytest.mark.parametrize(
    "query, found",
    [
        ("q=nong+nghiep+cong+nghe+cao", True),
        ("q=NÔNG+nghiệp", True),
        ("q=nong+nghiep+mach+vanh", False),
        ("nam=2024", True),
        ("nam=2023", False),
        ("linh-vuc=nong-nghiep&cap=tinh", True),
        ("linh-vuc=y-duoc", False),
    ],
)
def test_filters(client, registry, query, found):
    response = client.get(f"/nhiem-vu-khcn/dang-tien-hanh/?{query}")
    assert response.status_code == 200
    assert ("ĐT.01/2024" in response.content.decode()) is found


def test_organisation_filter_and_bad_values(client, registry):
    page = client.get(f"/nhiem-vu-khcn/ket-qua/?co-quan={registry['hospital'].pk}").content.decode()
    assert "DA.02/2021" in page
    for bad in (
        "nam=1",
        "nam=abc",
        "linh-vuc=xyz",
        "cap=" + "x" * 500,
        "co-quan=99999999999999999999999",
        "co-quan=999",
    ):
        response = client.get(f"/nhiem-vu-khcn/ket-qua/?{bad}")
        assert response.status_code == 400, bad
        assert "form-errors" in response.content.decode()


def test_task_page_and_history(client, registry):
    page = client.get(f"/nhiem-vu-khcn/{registry['done'].pk}/").content.decode()
    assert "Can thiệp mạch vành qua da" in page and "Kỹ thuật mới" in page and "Nghiệm thu" in page
    assert "Bí Mật" not in page and "quanlynv" not in page
    assert client.get("/nhiem-vu-khcn/999999/").status_code == 404


def test_feed(client, registry):
    feed = client.get("/nhiem-vu-khcn/ket-qua/rss/").content.decode()
    assert "<rss" in feed and "DA.02/2021" in feed and "ĐT.01/2024" not in feed


def test_site_search_tab(client, registry):
    page = client.get("/tim-kiem/?q=mach+vanh&type=nhiem-vu-khcn").content.decode()
    assert "Can thiệp" in page and f"/nhiem-vu-khcn/{registry['done'].pk}/" in page


def test_api_list_filters(client, registry):
    data = client.get("/api/v1/science-tasks").json()
    assert data["count"] == 3 and {"code", "host", "investigator", "url", "budget_other"} <= set(data["items"][0])
    assert [t["code"] for t in client.get("/api/v1/science-tasks?status=accepted").json()["items"]] == ["DA.02/2021"]
    assert client.get("/api/v1/science-tasks?field=y-duoc&level=bo").json()["count"] == 1
    assert client.get("/api/v1/science-tasks?year=2022").json()["count"] == 1
    assert client.get("/api/v1/science-tasks?q=nong+nghiep+cong+nghe").json()["count"] == 1
    assert client.get("/api/v1/science-tasks?page=2&page_size=2").json()["items"][0]["code"] == "DA.02/2021"
    for bad in ("status=open", "field=x", "year=1", "page_size=1000"):
        assert client.get(f"/api/v1/science-tasks?{bad}").status_code == 422


def test_api_detail_by_encoded_code(client, registry):
    data = client.get(f"/api/v1/science-tasks/{quote('DA.02/2021', safe='')}").json()
    assert data["rating"] == "xuat-sac" and data["results"] == "Kỹ thuật mới"
    assert [event["action"] for event in data["history"]] == ["approve", "start", "accept"]
    assert "members" not in data and "Bí Mật" not in str(data) and "user" not in data["history"][0]
    assert client.get(f"/api/v1/science-tasks/{quote('XX/1', safe='')}").status_code == 404
