"""`make bench`: speed of the article page, printed as a table.

Runs in-process against its own database (var/bench.sqlite3, or DATABASE_URL), seeded with
the demo content plus extra articles. Machines here are shared and noisy, so read the ratios
between rows of one run (cached vs uncached, few vs many articles), not absolute times.
"""

import os
import statistics
import time
from pathlib import Path

from benchmarks.common import percentile, setup_django

# Visit hits stay buffered until the benchmark flushes them itself (timed below).
os.environ.setdefault("VISITS_FLUSH_SECONDS", "0")
setup_django("bench.sqlite3")

from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from portal.news.models import ArticlePage, CategoryPage  # noqa: E402
from portal.visits import services as visit_services  # noqa: E402

UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36"


def measure(label: str, fn, n: int) -> dict:
    fn()  # warm-up
    times, queries = [], []
    for _ in range(n):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        queries.append(len(ctx.captured_queries))
    times.sort()
    return {
        "scenario": label,
        "n": n,
        "mean_ms": statistics.mean(times),
        "p95_ms": percentile(times, 0.95),
        "req_s": 1000 / statistics.mean(times),
        "queries": max(queries),
    }


def add_articles(count: int) -> None:
    from portal.news.tests.factories import make_article

    category = CategoryPage.objects.get(slug="thong-tin-khcn")
    for i in range(count):
        make_article(category, f"Bài viết tổng hợp số {i} về khoa học và công nghệ")


def write_export(path: Path, lines: int, prefix: str) -> Path:
    import json

    body = "".join(f"<p>Đoạn {i}: hoạt động khoa học và công nghệ của tỉnh trong năm.</p>" for i in range(12))
    with path.open("w", encoding="utf-8") as handle:
        for i in range(lines):
            row = {
                "title": f"{prefix} bài nhập {i}",
                "body_html": body,
                "category": "Tin nhập từ cổng cũ",
                "published_at": f"{1 + i % 28:02d}/{1 + i % 12:02d}/2014 08:30",
                "source_url": f"http://cu.example.vn/{prefix}/{i}",
                "view_count": i,
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def import_rows(path: Path, *extra: str) -> dict:
    import tracemalloc

    tracemalloc.start()
    start = time.perf_counter()
    try:
        call_command(
            "import_articles",
            str(path),
            "--no-progress",
            *extra,
            stdout=open(os.devnull, "w"),
            stderr=open(os.devnull, "w"),
        )
    except SystemExit:
        pass
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    lines = sum(1 for _ in path.open(encoding="utf-8"))
    return {"lines": lines, "seconds": elapsed, "lines_s": lines / elapsed, "peak_mb": peak / 1e6}


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))
    client = Client(HTTP_USER_AGENT=UA)
    article = ArticlePage.objects.live().get(slug="hoi-nghi-dien-hinh-tien-tien-giai-doan-2020-2025")
    url = article.url

    def uncached():
        caches["pages"].clear()
        assert client.get(url).status_code == 200

    def cached():
        assert client.get(url).status_code == 200

    def beacon():
        assert client.post(f"/api/v1/articles/{article.pk}/view").status_code == 200

    hits = iter(range(10**9))

    def visit_beacon():
        # A new visitor each time (the worst case: a new hash for the flush to insert).
        n = next(hits)
        response = client.post(
            "/api/v1/visits/hit",
            {"page": article.pk},
            content_type="application/json",
            REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
        )
        assert response.status_code == 200

    def api_list():
        assert client.get("/api/v1/articles?page_size=20").status_code == 200

    rows = []
    total = ArticlePage.objects.count()
    rows.append(measure(f"article page, uncached ({total} articles)", uncached, 60))
    rows.append(measure("article page, page cache hit", cached, 300))
    rows.append(measure("article view endpoint (through the visit pipeline, buffered)", beacon, 300))
    rows.append(measure("visit beacon (buffered, no DB write)", visit_beacon, 1000))
    flush_started = time.perf_counter()
    flushed = visit_services.visits_flush()
    flush_ms = (time.perf_counter() - flush_started) * 1000
    rows.append(measure("API list, 20 items", api_list, 100))
    if total < 250:
        add_articles(250 - total)
    total = ArticlePage.objects.count()
    rows.append(measure(f"article page, uncached ({total} articles)", uncached, 60))
    reset_queries()

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        imports = [
            ("import_articles, 200 lines", import_rows(write_export(Path(tmp) / "a.jsonl", 200, "A"))),
            (
                "import_articles --dry-run, 500 lines",
                import_rows(write_export(Path(tmp) / "b.jsonl", 500, "B"), "--dry-run"),
            ),
            (
                "import_articles --dry-run, 2000 lines",
                import_rows(write_export(Path(tmp) / "c.jsonl", 2000, "C"), "--dry-run"),
            ),
        ]

    header = f"{'scenario':<44} {'n':>5} {'mean ms':>9} {'p95 ms':>9} {'req/s':>8} {'queries':>8}"
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r['scenario']:<44} {r['n']:>5} {r['mean_ms']:>9.2f} {r['p95_ms']:>9.2f} {r['req_s']:>8.0f} {r['queries']:>8}"
        )
    print()
    print(f"{'import':<44} {'lines':>6} {'seconds':>8} {'lines/s':>8} {'peak MB':>8}")
    for label, r in imports:
        print(f"{label:<44} {r['lines']:>6} {r['seconds']:>8.2f} {r['lines_s']:>8.1f} {r['peak_mb']:>8.2f}")
    print()
    print(
        f"visit statistics flush: {len(flushed.visitors)} new visitors, "
        f"{sum(n for k, n in flushed.counters.items() if '|total|' in k)} views in {flush_ms:.0f} ms"
    )
    from django.contrib.staticfiles import finders

    from benchmarks.page_weight import measure as measure_weight
    from benchmarks.page_weight import report

    def read_static(url: str) -> bytes:
        with open(finders.find(url.removeprefix("/static/")), "rb") as handle:
            return handle.read()

    caches["pages"].clear()
    print(report("article page weight", measure_weight(client.get(url).content.decode(), read_static)))
    print(
        f"cache speed-up: {rows[0]['mean_ms'] / rows[1]['mean_ms']:.1f}x; "
        f"queries with {rows[0]['scenario'].split('(')[1][:-1]} vs {total} articles: {rows[0]['queries']} vs {rows[-1]['queries']}"
    )


if __name__ == "__main__":
    main()
