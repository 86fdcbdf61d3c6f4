"""The task file: good rows, each kind of bad row with its row number, re-import, XLSX and CSV,
the command's summary and exit code, and export → import unchanged."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from portal.science import importing
from portal.science.importing import parse_amount
from portal.science.models import Organisation, Task, TaskEvent, TaskStatus

HEADER_VI = "Mã số;Tên nhiệm vụ;Loại;Cấp;Lĩnh vực;Cơ quan chủ trì;Chủ nhiệm;Bắt đầu;Kết thúc;Kinh phí ngân sách tỉnh;Kinh phí khác;Trạng thái;Xếp loại;Ngày nghiệm thu"
GOOD = [
    "ĐT.01/2023;Nghiên cứu giống lúa chịu hạn;de tai;TỈNH;Khoa hoc nong nghiep;Trường Đại học Nông Lâm;TS. Lê Văn Bình;01/03/2023;01/03/2025;1.250.000.000;0;Đã nghiệm thu;Khá;15/04/2025",
    "DA.02/2024;Sản xuất thử nghiệm trà túi lọc;Dự án sản xuất thử nghiệm;Tỉnh;Khoa học y, dược;Bệnh viện Đa khoa tỉnh;ThS. Hà Thu;2024-01-01;2026-12-31;1,25 tỷ;850 triệu;dang thuc hien;;",
]


def _csv(*rows, header=HEADER_VI):
    return ("\ufeff" + "\n".join([header, *rows]) + "\n").encode()


def test_amounts():
    assert parse_amount("1.250.000.000", "x") == 1_250_000_000
    assert parse_amount("1250000000", "x") == 1_250_000_000
    assert parse_amount("1,25 tỷ", "x") == 1_250_000_000
    assert parse_amount("850 triệu", "x") == 850_000_000
    assert parse_amount("1 250 000 000 đồng", "x") == 1_250_000_000
    assert parse_amount(12.0, "x") == 12 and parse_amount("", "x") == 0
    for bad in ("1,5", "abc", "-5", "1,2345 đồng", "12 usd"):
        with pytest.raises(importing.RowInvalid):
            parse_amount(bad, "x")


def test_good_rows_with_vietnamese_headers(db):
    result = importing.import_tasks(_csv(*GOOD), filename="nv.csv")
    assert (result.created, result.errors) == (2, [])
    accepted = Task.objects.get(code="ĐT.01/2023")
    assert (accepted.kind, accepted.level, accepted.field, accepted.status) == (
        "de-tai",
        "tinh",
        "nong-nghiep",
        "accepted",
    )
    assert (accepted.rating, accepted.accepted_on, accepted.budget_province) == (
        "kha",
        dt.date(2025, 4, 15),
        1_250_000_000,
    )
    running = Task.objects.get(code="DA.02/2024")
    assert (running.status, running.budget_province, running.budget_other) == (
        "in_progress",
        1_250_000_000,
        850_000_000,
    )
    assert Organisation.objects.filter(name="Bệnh viện Đa khoa tỉnh").exists()
    assert TaskEvent.objects.filter(action="import", reason="Nhập từ tệp.").count() == 2


def test_bad_rows_are_reported_with_their_row_number_and_the_others_land(db):
    rows = [
        GOOD[0],
        ";Thiếu mã;Đề tài;Tỉnh;Khoa học xã hội;Viện KT-XH;TS. A;01/01/2024;01/01/2025;0;0;;;",  # row 3
        "ĐT.03/2024;Ngày sai;Đề tài;Tỉnh;Khoa học xã hội;Viện KT-XH;TS. A;31/02/2024;01/01/2025;0;0;;;",  # row 4
        "ĐT.04/2024;Kết thúc trước;Đề tài;Tỉnh;Khoa học xã hội;Viện KT-XH;TS. A;01/06/2024;01/01/2024;0;0;;;",  # 5
        "ĐT.05/2024;Loại lạ;Hội thảo;Tỉnh;Khoa học xã hội;Viện KT-XH;TS. A;01/01/2024;01/01/2025;0;0;;;",  # row 6
        "ĐT.06/2024;Xếp loại khi chưa nghiệm thu;Đề tài;Tỉnh;Khoa học xã hội;Viện KT-XH;TS. A;01/01/2024;01/01/2025;0;0;Đang thực hiện;Khá;",
        "ĐT.07/2024;Nghiệm thu thiếu ngày;Đề tài;Tỉnh;Khoa học xã hội;Viện KT-XH;TS. A;01/01/2024;01/01/2025;0;0;Đã nghiệm thu;Đạt;",
        "ĐT.08/2024;Tiền sai;Đề tài;Tỉnh;Khoa học xã hội;Viện KT-XH;TS. A;01/01/2024;01/01/2025;năm trăm;0;;;",
        "",
        "ĐT.09/2024;Nghiệm thu trước khi bắt đầu;Đề tài;Tỉnh;Khoa học xã hội;Viện KT-XH;TS. A;01/01/2024;01/01/2025;0;0;Đã nghiệm thu;Đạt;01/12/2023",
    ]
    result = importing.import_tasks(_csv(*rows), filename="nv.csv")
    errors = dict(result.errors)
    assert result.created == 1 and sorted(errors) == [3, 4, 5, 6, 7, 8, 9, 11]
    assert "mã số" in errors[3]
    assert "31/02/2024" in errors[4]
    assert "Ngày kết thúc không được trước" in errors[5]
    assert "Hội thảo" in errors[6]
    assert "Chỉ nhiệm vụ đã nghiệm thu mới có xếp loại" in errors[7]
    assert "ngày nghiệm thu" in errors[8]
    assert "năm trăm" in errors[9]
    assert "trước ngày bắt đầu" in errors[11]
    assert list(Task.objects.values_list("code", flat=True)) == ["ĐT.01/2023"]
    assert result.summary() == "Đã nhập 1, cập nhật 0, không đổi 0, lỗi 8."


def test_reimport_updates_and_counts_unchanged(db):
    importing.import_tasks(_csv(*GOOD), filename="nv.csv")
    changed = GOOD[1].replace("ThS. Hà Thu", "TS. Hà Thu")
    result = importing.import_tasks(_csv(GOOD[0], changed), filename="nv.csv")
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    assert Task.objects.get(code="DA.02/2024").investigator == "TS. Hà Thu"


def test_dry_run_writes_nothing(db):
    result = importing.import_tasks(_csv(*GOOD), filename="nv.csv", dry_run=True)
    assert result.created == 2 and not Task.objects.exists() and not Organisation.objects.exists()


def test_english_headers_comma_and_xlsx(db, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(
        ["code", "title", "kind", "level", "field", "host", "investigator", "start", "end", "budget_province", "status"]
    )
    sheet.append(
        [
            "ĐT.10/2022",
            "Bảo tồn dân ca",
            "Đề tài",
            "Tỉnh",
            "Khoa học nhân văn",
            "Hội VHNT",
            "TS. B",
            dt.datetime(2022, 2, 1),
            "01/02/2023",
            400000000,
            "accepted",
        ]
    )
    sheet.append([None] * 11)
    sheet.append(
        [
            "ĐT.11/2022",
            "Lỗi",
            "Đề tài",
            "Tỉnh",
            "Khoa học nhân văn",
            "Hội VHNT",
            "TS. B",
            "hôm qua",
            "01/02/2023",
            0,
            "",
        ]
    )
    out = io.BytesIO()
    book.save(out)
    result = importing.import_tasks(out.getvalue(), filename="nv.xlsx")
    assert result.created == 0 and [line for line, _ in result.errors] == [2, 4]  # accepted without rating
    assert "Bắt đầu" in dict(result.errors)[4]


def test_missing_columns_and_unreadable_files(db):
    with pytest.raises(importing.TableFileError, match="Dòng đầu tiên"):
        importing.import_tasks(b"code,title\nA,B\n", filename="x.csv")
    with pytest.raises(importing.TableFileError, match="UTF-8"):
        importing.import_tasks(b"M\xe3 s\xf4;T\xean\n", filename="x.csv")
    with pytest.raises(importing.TableFileError, match="XLSX"):
        importing.import_tasks(b"PK\x03\x04garbage", filename="x.xlsx")


def test_command(db, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_bytes(_csv(*GOOD))
    call_command("import_science_tasks", str(good), "--dry-run")
    assert "Đã nhập 2, cập nhật 0, không đổi 0, lỗi 0." in capsys.readouterr().out and not Task.objects.exists()
    call_command("import_science_tasks", str(good))
    assert Task.objects.count() == 2
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv(GOOD[0], "X.1;Thiếu;Đề tài;Tỉnh;Khoa học xã hội;Viện;TS. A;;01/01/2025;0;0;;;"))
    with pytest.raises(SystemExit) as stop:
        call_command("import_science_tasks", str(bad))
    assert stop.value.code == 1
    captured = capsys.readouterr()
    assert "Dòng 3: Thiếu Bắt đầu." in captured.err
    assert "Đã nhập 0, cập nhật 0, không đổi 1, lỗi 1." in captured.out


def test_export_imports_back_unchanged(db, client, make_task, manager):
    from portal.science import services

    task = make_task(title='Trà =SUM(A1) và dấu ; phẩy, ngoặc "kép"', summary="Dòng 1\nDòng 2", budget_other=5)
    services.science_task_approve(task, user=manager, selection="giao-truc-tiep")
    importing.import_tasks(_csv(*GOOD), filename="nv.csv")
    response = client.get("/api/v1/science-tasks.csv")
    assert response.status_code == 200 and response.content.startswith("\ufeff".encode())
    before = {t.code: importing.export_row(t) for t in Task.objects.all()}
    result = importing.import_tasks(response.content, filename="export.csv")
    assert (result.unchanged, result.updated, result.created, result.errors) == (3, 0, 0, [])
    assert {t.code: importing.export_row(t) for t in Task.objects.all()} == before
    assert Task.objects.get(code=task.code).status == TaskStatus.APPROVED
