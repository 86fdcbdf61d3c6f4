"""`make bench`, S&T registry: the import of a 10,000-row task file and the list API with
10,000 tasks.

The file is generated (ten host organisations, every kind, level, field and status, believable
amounts and dates), then imported three ways with the function the command and the admin use:
the preview (dry run), the import proper (10,000 new tasks, each row in its own transaction,
with its history line and audit entry) and a re-import (10,000 unchanged rows). A thread samples
the resident memory of the process while the import runs: "flat" means the peak after the whole
file is close to the peak after its first 1,000 rows (what grows with the file is the file
itself, read once, and nothing per row). Then the list API (`GET /api/v1/science-tasks`) is
asked 300 times in-process with a mix of filters (none, a year, a field, a status, words
without diacritics, a deep page) and its percentiles are printed.

Own database: var/bench-science.sqlite3, or DATABASE_URL (the Makefile runs it on PostgreSQL
too when it answers). Sizes: BENCH_SCIENCE_ROWS (10000), BENCH_SCIENCE_REQUESTS (300).
"""

import csv
import io
import os
import random
import threading
import time

from benchmarks.common import percentile, setup_django

ROWS = int(os.environ.get("BENCH_SCIENCE_ROWS", "10000"))
REQUESTS = int(os.environ.get("BENCH_SCIENCE_REQUESTS", "300"))
EARLY = min(1000, ROWS // 10)
setup_django("bench-science.sqlite3")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import ModelLogEntry  # noqa: E402

from portal.home.setup import portal_setup  # noqa: E402
from portal.science import importing  # noqa: E402
from portal.science.models import Organisation, Task, TaskEvent  # noqa: E402

HOSTS = [
    "Viện Khoa học Nông nghiệp vùng trung du",
    "Trường Đại học Hùng Vương",
    "Bệnh viện Đa khoa tỉnh",
    "Trung tâm Ứng dụng tiến bộ KH&CN",
    "Công ty Cổ phần Chè Phú Bền",
    "Trường Cao đẳng Kỹ thuật công nghiệp",
    "Viện Nghiên cứu Lâm nghiệp",
    "Hội Nông dân tỉnh",
    "Trung tâm Kiểm soát bệnh tật tỉnh",
    "Bảo tàng Hùng Vương",
]
TOPICS = [
    "Ứng dụng nông nghiệp công nghệ cao trong sản xuất rau an toàn",
    "Nghiên cứu chọn tạo giống chè chất lượng cao",
    "Xây dựng mô hình nuôi cá lồng trên hồ chứa",
    "Đánh giá thực trạng và giải pháp phát triển du lịch cộng đồng",
    "Ứng dụng trí tuệ nhân tạo trong chẩn đoán hình ảnh y khoa",
    "Bảo tồn và phát huy giá trị hát Xoan",
    "Sản xuất thử nghiệm phân bón hữu cơ vi sinh từ phụ phẩm nông nghiệp",
    "Nghiên cứu quy trình xử lý nước thải làng nghề",
]
KINDS = ["Đề tài", "Dự án sản xuất thử nghiệm", "Đề án", "Dự án KH&CN", "Nhiệm vụ khác"]
LEVELS = ["Tỉnh", "Cơ sở", "Bộ", "Quốc gia"]
FIELDS = [
    "Khoa học tự nhiên",
    "Khoa học kỹ thuật và công nghệ",
    "Khoa học y, dược",
    "Khoa học nông nghiệp",
    "Khoa học xã hội",
    "Khoa học nhân văn",
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi"]
GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Long", "Hồng Nhung", "Thanh Tùng"]


def task_file(rows: int) -> bytes:
    """A believable task file of `rows` rows: most tasks accepted or under way, some proposed,
    approved, extended or stopped."""
    rng = random.Random(2026)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(importing.HEADER)
    for n in range(rows):
        year = 2012 + n % 12  # accepted ones end by 2025
        start_month = 1 + n % 12
        status = rng.choices(
            ["Đề xuất", "Đã phê duyệt", "Đang thực hiện", "Gia hạn", "Đã nghiệm thu", "Dừng thực hiện"],
            weights=[4, 4, 14, 5, 68, 5],
        )[0]
        accepted = status == "Đã nghiệm thu"
        writer.writerow(
            [
                f"ĐT.{n + 1:05d}/{year}",
                f"{TOPICS[n % len(TOPICS)]} (giai đoạn {n // len(TOPICS) + 1})",
                KINDS[n % len(KINDS)],
                LEVELS[n % len(LEVELS)],
                FIELDS[n % len(FIELDS)],
                HOSTS[n % len(HOSTS)],
                f"TS. {SURNAMES[n % 8]} {GIVEN[(n // 8) % 8]}",
                f"01/{start_month:02d}/{year}",
                f"28/{start_month:02d}/{year + 2}",
                f"{rng.randrange(200, 3000) * 1_000_000:,}".replace(",", "."),
                str(rng.choice([0, 0, 150_000_000, 400_000_000])),
                status,
                rng.choice(["Xuất sắc", "Khá", "Đạt"]) if accepted else "",
                f"15/{start_month:02d}/{year + 2}" if accepted else "",
                "Tóm tắt mục tiêu, nội dung và phương pháp nghiên cứu của nhiệm vụ.",
                "Quy trình kỹ thuật và báo cáo tổng hợp kết quả." if accepted else "",
                "Các hợp tác xã và doanh nghiệp trên địa bàn tỉnh." if accepted else "",
                "",
                "",
            ]
        )
    return out.getvalue().encode("utf-8")


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class MemorySampler(threading.Thread):
    """The resident memory every 50 ms, tagged with how many rows were done."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples: list[tuple[int, float]] = []
        self.rows_done = 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            self.samples.append((self.rows_done, rss_mib()))
            time.sleep(0.05)

    def peak(self, up_to_rows: int | None = None) -> float:
        values = [mib for rows, mib in self.samples if up_to_rows is None or rows <= up_to_rows]
        return max(values) if values else rss_mib()


def timed_import(data: bytes, *, dry_run: bool, sampler: MemorySampler | None = None):
    if sampler is not None:
        original = importing.services.science_task_import_row

        def counting(values, **kwargs):
            sampler.rows_done += 1
            return original(values, **kwargs)

        importing.services.science_task_import_row = counting
    started = time.perf_counter()
    try:
        result = importing.import_tasks(data, filename="nhiem-vu.csv", dry_run=dry_run)
    finally:
        if sampler is not None:
            importing.services.science_task_import_row = original
    return result, time.perf_counter() - started


def api_mix() -> list[str]:
    return [
        "/api/v1/science-tasks",
        "/api/v1/science-tasks?year=2020",
        "/api/v1/science-tasks?field=nong-nghiep",
        "/api/v1/science-tasks?status=in_progress&page_size=50",
        "/api/v1/science-tasks?q=nong+nghiep+cong+nghe+cao",
        "/api/v1/science-tasks?level=tinh&year=2024",
        "/api/v1/science-tasks?page=400",
    ]


def main() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    portal_setup()
    TaskEvent.objects.all().delete()
    Task.objects.all().delete()
    Organisation.objects.all().delete()
    ModelLogEntry.objects.filter(content_type__app_label="science").delete()
    data = task_file(ROWS)
    engine = connection.vendor

    preview, preview_s = timed_import(data, dry_run=True)
    sampler = MemorySampler()
    before = rss_mib()
    sampler.start()
    result, import_s = timed_import(data, dry_run=False, sampler=sampler)
    sampler.stop.set()
    sampler.join()
    again, again_s = timed_import(data, dry_run=False)
    assert not preview.errors and not result.errors and not again.errors, (preview.errors[:3], result.errors[:3])
    assert result.created == ROWS == Task.objects.count() == again.unchanged, (result.summary(), again.summary())

    client = Client()
    urls = api_mix()
    for url in urls:  # warm up, and check every answer
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    times: list[float] = []
    for n in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(urls[n % len(urls)])
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    times.sort()

    early, peak = sampler.peak(EARLY), sampler.peak()
    print(f"\nS&T registry on {engine}: {ROWS:,} rows, file {len(data) / 2**20:.1f} MiB")
    print(f"{'measure':<44}{'value':>14}")
    print(f"{'preview (dry run), rows/s':<44}{ROWS / preview_s:>14,.0f}")
    print(f"{'import, new tasks, rows/s':<44}{ROWS / import_s:>14,.0f}")
    print(f"{'re-import, unchanged rows, rows/s':<44}{ROWS / again_s:>14,.0f}")
    print(f"{'memory before the import, MiB':<44}{before:>14,.1f}")
    print(f"{f'memory peak after {EARLY:,} rows, MiB':<44}{early:>14,.1f}")
    print(f"{f'memory peak after {ROWS:,} rows, MiB':<44}{peak:>14,.1f}")
    print(f"{'growth over the last rows, MiB per 1,000':<44}{(peak - early) / max(1, ROWS - EARLY) * 1000:>14,.2f}")
    print(f"{f'list API p50, ms ({ROWS:,} tasks)':<44}{percentile(times, 0.50):>14,.1f}")
    print(f"{f'list API p95, ms ({ROWS:,} tasks)':<44}{percentile(times, 0.95):>14,.1f}")
    print(f"{'list API max, ms':<44}{times[-1]:>14,.1f}")


if __name__ == "__main__":
    main()
