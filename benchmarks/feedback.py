"""`make bench`, petitions: 1,000 submissions from 50 concurrent clients through a real server.

gunicorn (3 workers × 4 threads) serves the API on a free loopback port against its own
database (var/bench-feedback.sqlite3, or DATABASE_URL); the clients post JSON petitions, then
the benchmark checks in the database that every accepted one is stored once, with a unique
code, and that the public counter agrees. Prints throughput and latency percentiles.
"""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from benchmarks.common import ROOT, percentile, setup_django

TOTAL = int(os.environ.get("BENCH_FEEDBACK_TOTAL", "1000"))
CONCURRENCY = int(os.environ.get("BENCH_FEEDBACK_CONCURRENCY", "50"))
# Generous limits: every client comes from 127.0.0.1.
os.environ.update({"FEEDBACK_LIMIT_PER_IP_HOUR": "1000000", "FEEDBACK_LIMIT_PER_CONTACT_DAY": "1000000"})
setup_django("bench-feedback.sqlite3")

from django.core.management import call_command  # noqa: E402

from portal.feedback.models import Petition, PetitionEvent  # noqa: E402
from portal.feedback.selectors import counters_changed, petition_counters  # noqa: E402
from portal.home.setup import portal_setup  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise SystemExit(f"server did not answer at {url}")


def main() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    portal_setup()
    before = Petition.objects.count()
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "3",
            "--threads",
            "4",
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    lock = threading.Lock()
    latencies, codes, failures = [], [], []
    try:
        wait_for(base + "/api/v1/feedback/stats")
        stats_before = petition_counters()

        def submit(n: int) -> None:
            body = {
                "full_name": "Người gửi thử nghiệm",
                "address": "",
                "phone": f"09{(before + n) % 10**8:08d}",
                "email": "",
                "title": f"Phản ánh thử nghiệm số {n}",
                "content": "Nội dung phản ánh thử nghiệm tải, đủ dài để được nhận. " * 3,
                "field": "Khoa học và công nghệ",
                "consent": True,
                "publish_allowed": False,
            }
            request = urllib.request.Request(
                base + "/api/v1/feedback", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
            )
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    code = json.loads(response.read())["code"]
                with lock:
                    latencies.append((time.perf_counter() - start) * 1000)
                    codes.append(code)
            except (urllib.error.URLError, OSError) as error:
                with lock:
                    failures.append(repr(error)[:200])

        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
            list(pool.map(submit, range(TOTAL)))
        elapsed = time.perf_counter() - start
        # Read here, not from the server: without Redis each worker caches its own counters.
        counters_changed()
        stats_after = petition_counters()
    finally:
        server.terminate()
        server.wait(timeout=30)
    stored = Petition.objects.filter(code__in=codes).count()
    events = PetitionEvent.objects.filter(petition__code__in=codes, action="received").count()
    latencies.sort()
    engine = "PostgreSQL" if "postgres" in os.environ["DATABASE_URL"] else "SQLite"
    print(f"\nPetitions: {TOTAL} submissions, {CONCURRENCY} concurrent, gunicorn 3×4, {engine}\n")
    print("| accepted | failed | stored | unique codes | events | counter +received | req/s | p50 ms | p95 ms |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    counter_delta = stats_after["received"] - stats_before["received"]
    p50 = percentile(latencies, 0.5) if latencies else 0
    p95 = percentile(latencies, 0.95) if latencies else 0
    print(
        f"| {len(codes)} | {len(failures)} | {stored} | {len(set(codes))} | {events} | {counter_delta} | {len(codes) / elapsed:.0f} | {p50:.0f} | {p95:.0f} |"
    )
    lost = len(codes) - stored
    print(f"\nlost: {lost}" + (f"; first failures: {failures[:3]}" if failures else ""))
    if lost or failures or len(set(codes)) != len(codes):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
