"""The petition report (reports.py): counts, on-time rate and a logged export."""

import datetime as dt
import io

from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from portal.core.models import ReportExport
from portal.feedback import services
from portal.feedback.models import (
    Petition,
)

from .factories import answer, submit


def test_report_counts_on_time_rate_and_logged_export(client, staff):
    officer, leader = staff
    on_time, _ = submit(client, title="Trả lời đúng hạn")
    answer(on_time, officer, leader)
    late, _ = submit(client, title="Trả lời trễ hạn", field="Sở hữu trí tuệ")
    services.petition_accept(petition=late, user=officer)
    Petition.objects.filter(pk=late.pk).update(answer_by=dt.date(2020, 1, 1))
    late.refresh_from_db()
    services.petition_refuse(petition=late, user=leader, reason="Không đủ thông tin", legal_basis="NĐ 20/2008/NĐ-CP")
    submit(client, title="Đang chờ phân loại")
    client.force_login(officer)
    assert client.get("/admin/reports/petitions/").status_code in (302, 403)
    client.force_login(leader)
    page = client.get("/admin/reports/petitions/")
    assert page.status_code == 200 and "Sở hữu trí tuệ" in page.content.decode()
    today = dt.date.today()
    params = {"date_from": today.replace(day=1).isoformat(), "date_to": today.isoformat(), "period": "quarter"}
    export = client.get("/admin/reports/petitions/", {**params, "export": "xlsx"})
    assert export.status_code == 200
    book = load_workbook(io.BytesIO(export.content))
    rows = list(book.worksheets[0].values)
    total = rows[-1]
    assert total[0] == "Tổng cộng" and total[1] == 3 and total[4] == 1 and total[5] == 1 and total[8] == 50.0
    fields = {r[0]: r for r in list(book.worksheets[1].values)[1:]}
    assert fields["Sở hữu trí tuệ"][5] == 1
    assert ReportExport.objects.filter(user=leader, report="petitions", file_format="xlsx").count() == 1
    assert ModelLogEntry.objects.filter(action="portal.report_export").exists()
    assert (
        client.get("/admin/reports/petitions/", {"date_from": "2026-05-01", "date_to": "2026-01-01"}).status_code == 200
    )
