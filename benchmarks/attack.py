"""`make attack`: issue 14's attack on the production stack, run again against `make prod`'s
stack (portal.core.localstack) on loopback only, bounded in count and time, and printed as a
table of what held.

The stack is its own (folder var/attack, free ports, database portal_attack, a Redis of its own
that this script stops and starts): the running `make prod` and the machine's Redis are never
touched. nginx fronts node A with the shipped limits. Node B runs beside it with the per-address
limits lifted, standing for an attack from many addresses (a botnet), so that the cost of each
request is what is measured, not only the limit that stops one address.

  1. idempotency keys: 2,000 guessed keys on the petition API (through nginx, node A)
  2. tracking lookups: 1,200 phone-number guesses on one code (nginx, node A)
  3. staff sign-in: 30 wrong passwords for one account (nginx, node A)
  4. image bombs: 10 clients posting a 39.7-megapixel PNG of 120 KB for 20 s (node B), while a
     reader times an uncached page; the workers' memory is sampled
  5. Redis stopped part-way through 3,000 requests (pages, API, petitions) and started again
  6. gunicorn workers killed (SIGKILL) under a load of 300 petitions whose clients retry with
     their Idempotency-Key: none lost, none twice

Needs nginx, PostgreSQL, redis-server; about 3 minutes plus the first set-up (~50 s).
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import re
import signal
import struct
import subprocess
import sys
import threading
import time
import uuid
import zlib
from collections import Counter
from functools import partial
from pathlib import Path

import requests
import urllib3

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import BEHIND_NGINX  # noqa: E402
from portal.core.localstack import ROOT, Stack, StackError, free_port, port_open  # noqa: E402

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)  # our own self-signed nginx
DATABASE = os.environ.get("ATTACK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_attack")
LIFTED = {  # node B: one address stands for many
    "FEEDBACK_ATTEMPTS_PER_IP_HOUR": "1000000",
    "FEEDBACK_LIMIT_PER_IP_HOUR": "1000000",
    "FEEDBACK_LIMIT_PER_CONTACT_DAY": "1000000",
    "FEEDBACK_CHALLENGE_AFTER": "0",
    "WEB_WORKERS": "3",
}
PETITION = {
    "full_name": "Người thử tải",
    "address": "Phường Gia Cẩm, Việt Trì",
    "phone": "0912 345 678",
    "email": "",
    "content": "Nội dung kiểm thử khả năng chịu tải của cổng, gửi từ kịch bản tấn công có kiểm soát.",
    "field": "Khoa học và công nghệ",
    "consent": True,
    "publish_allowed": False,
}


def png_bomb(width: int = 6300, height: int = 6300) -> bytes:
    """A valid black RGB PNG of width × height pixels, compressed to a few hundred kilobytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" * (1 + width * 3)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


class Tally:
    """Statuses ("ERR" for no answer) and latencies of a scenario, thread-safe."""

    def __init__(self):
        self.statuses: Counter = Counter()
        self.latencies: list[float] = []
        self.lock = threading.Lock()

    def add(self, status, seconds: float) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(seconds)

    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status == "ERR" or int(status) >= 500)

    def text(self) -> str:
        return ", ".join(f"{status}×{n}" for status, n in sorted(self.statuses.items(), key=str))


def timed(tally: Tally, call):
    start = time.perf_counter()
    try:
        response = call()
    except requests.RequestException:
        tally.add("ERR", time.perf_counter() - start)
        return None
    tally.add(response.status_code, time.perf_counter() - start)
    return response


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000 if ordered else 0.0


class Attack:
    def __init__(self, stack: Stack, node_b: str):
        self.stack, self.front, self.node_b = stack, stack.base_url, node_b
        self.rows: list[tuple[str, str, str, bool]] = []

    def row(self, name: str, sent: str, outcome: str, held: bool) -> None:
        self.rows.append((name, sent, outcome, held))
        print(f"  {'held' if held else 'FAILED'}: {name}: {outcome}", flush=True)

    def session(self, base: str) -> requests.Session:
        s = requests.Session()
        s.verify, s.trust_env = False, False  # no CA bundle or proxy from the environment: loopback only
        if base == self.node_b:
            # As nginx would pass it on: HTTPS, and the site's own host (CSRF and Origin checks).
            s.headers.update(BEHIND_NGINX, Host=self.front.split("//", 1)[1])
        return s

    def submit(self, s: requests.Session, base: str, title: str, key: str | None = None) -> requests.Response:
        headers = {"Idempotency-Key": key} if key else {}
        return s.post(f"{base}/api/v1/feedback", json={**PETITION, "title": title}, headers=headers, timeout=30)

    # 1 -------------------------------------------------------------------------------------
    def idempotency_guessing(self) -> None:
        s, tally = self.session(self.front), Tally()
        victim = self.submit(s, self.front, "Đơn của người bị nhắm tới", key="1042").json()
        leaked = 0
        for n in range(2000):
            response = timed(
                tally,
                lambda n=n: s.post(
                    f"{self.front}/api/v1/feedback", json={}, headers={"Idempotency-Key": str(n)}, timeout=10
                ),
            )  # noqa: E501
            if response is not None and victim.get("code", "?") in response.text:
                leaked += 1
        first_429 = "after the limit" if tally.statuses.get(429) else "never"
        self.row(
            "idempotency key guessing",
            "2,000 keys, empty bodies",
            f"{tally.text()}; the victim's code returned {leaked} times; 429 {first_429}",
            leaked == 0 and tally.statuses.get(429, 0) > 1900 and not tally.server_errors(),
        )

    # 2 -------------------------------------------------------------------------------------
    def lookup_guessing(self) -> None:
        s, tally = self.session(self.front), Tally()
        code = self.submit(self.session(self.node_b), self.node_b, "Đơn cần tra cứu").json()["code"]
        found = 0
        for n in range(1200):
            response = timed(
                tally,
                lambda n=n: s.post(
                    f"{self.front}/api/v1/feedback/{code}/lookup", json={"contact": f"09{n:08d}"}, timeout=10
                ),
            )  # noqa: E501
            if response is not None and response.status_code == 200:
                found += 1
        self.row(
            "tracking lookups",
            "1,200 phone numbers on one code",
            f"{tally.text()}; found {found}",
            found == 0 and tally.statuses.get(429, 0) >= 1100 and not tally.server_errors(),
        )

    # 3 -------------------------------------------------------------------------------------
    def admin_brute_force(self) -> None:
        self.stack.manage("axes_reset")  # a pause left by an earlier run (the database is kept)
        s, tally = self.session(self.front), Tally()
        login = f"{self.front}/admin/login/"
        for n in range(30):
            page = s.get(login, timeout=10)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
            data = {
                "username": "quantri",
                "password": f"sai-mat-khau-{n}",
                "csrfmiddlewaretoken": token.group(1) if token else "",
            }  # noqa: E501
            timed(tally, lambda data=data: s.post(login, data=data, headers={"Referer": login}, timeout=10))
        paused = tally.statuses.get(429, 0)
        self.row(
            "staff password guessing",
            "30 wrong passwords, one account",
            f"{tally.text()}; paused from try {30 - paused + 1} on",
            paused >= 25 and not tally.server_errors(),
        )

    # 4 -------------------------------------------------------------------------------------
    def image_bombs(self, seconds: float = 20.0) -> None:
        bomb = png_bomb()
        form_url = f"{self.node_b}/phan-anh-kien-nghi/gui/"
        reader, attack = Tally(), Tally()
        probe = f"{self.node_b}/api/v1/articles?limit=5&offset={{n}}"

        def read_for(until: float) -> None:
            s, n = self.session(self.node_b), 0
            while time.monotonic() < until:
                n += 1
                timed(reader, lambda n=n: s.get(probe.format(n=n % 40), timeout=60))
                time.sleep(0.05)

        baseline = Tally()
        s = self.session(self.node_b)
        for n in range(40):
            timed(baseline, lambda n=n: s.get(probe.format(n=n), timeout=60))
        rss = [self.node_memory()]

        def bomber(until: float) -> None:
            s = self.session(self.node_b)
            while time.monotonic() < until:
                page = s.get(form_url, timeout=60)
                field = re.search(r'<option value="(\d+)"', page.text)
                token = re.search(r'name="token" value="([^"]+)"', page.text)
                # The cookie is Secure and this hop is plain HTTP (nginx's side): sent by hand.
                name, csrf = next(((c.name, c.value) for c in page.cookies if "csrftoken" in c.name), ("", ""))
                data = {k: v for k, v in PETITION.items() if k not in ("consent", "publish_allowed", "field")}
                data.update(title="Ảnh rất lớn", field=field.group(1) if field else "", consent="1")
                data.update(token=token.group(1) if token else "", csrfmiddlewaretoken=csrf)
                files = {"attachments": ("anh.png", bomb, "image/png")}
                headers = {"Origin": self.front, "Referer": self.front + "/phan-anh-kien-nghi/gui/"}
                headers["Cookie"] = f"{name}={csrf}"
                timed(attack, partial(s.post, form_url, data=data, files=files, headers=headers, timeout=60))

        until = time.monotonic() + seconds
        with cf.ThreadPoolExecutor(12) as pool:
            futures = [pool.submit(bomber, until) for _ in range(10)] + [pool.submit(read_for, until)]
            while time.monotonic() < until:
                rss.append(self.node_memory())
                time.sleep(1)
            for future in futures:
                future.result()
        p99_base, p99_attack = percentile(baseline.latencies, 0.99), percentile(reader.latencies, 0.99)
        self.row(
            "image bombs (39.7 MP PNG, 10 clients, 20 s)",
            f"{sum(attack.statuses.values())} posts of {len(bomb) // 1024} KB",
            f"posts {attack.text()}; reader p50 {percentile(baseline.latencies, 0.5):.0f} → "
            f"{percentile(reader.latencies, 0.5):.0f} ms, p99 {p99_base:.0f} → {p99_attack:.0f} ms, "
            f"{reader.server_errors()} reader errors; node memory {min(rss):.0f}–{max(rss):.0f} MB",
            not attack.server_errors() and not reader.server_errors() and p99_attack < 2000 and max(rss) < 1000,
        )

    def node_memory(self) -> float:
        """Resident memory of node B's gunicorn master and workers, MB."""
        master = self.stack.pid("node-b")
        if not master:
            return 0.0
        out = subprocess.run(
            ["ps", "-o", "rss=", "--ppid", str(master), "-p", str(master)], capture_output=True, text=True
        )  # noqa: E501
        return sum(int(n) for n in out.stdout.split()) / 1024

    # 5 -------------------------------------------------------------------------------------
    def redis_outage(self, total: int = 3000) -> None:
        redis_port = int(self.stack.redis_url.rsplit(":", 1)[1].split("/")[0])
        paths = ["/", "/api/v1/articles?limit=5", "/tim-kiem/?q=khoa+hoc", "/phan-anh-kien-nghi/"]
        tally, outage, sent, petitions, down = Tally(), Tally(), [0], [], {}
        lock = threading.Lock()
        stop_at, start_at = total // 3, 2 * total // 3

        def client(worker: int) -> None:
            s = self.session(self.node_b)
            while True:
                with lock:
                    n = sent[0]
                    sent[0] += 1
                if n >= total:
                    return
                if n == stop_at:
                    subprocess.run(["redis-cli", "-p", str(redis_port), "shutdown", "nosave"], capture_output=True)
                    down["from"] = time.monotonic()
                if n == start_at:
                    down["seconds"] = time.monotonic() - down["from"]
                    self.stack.ensure_services()
                target = outage if stop_at <= n < start_at else tally
                if n % 10 == 0:
                    title = f"Đơn khi Redis ngừng {uuid.uuid4().hex[:8]}"
                    response = timed(target, lambda title=title: self.submit(s, self.node_b, title))
                    if response is not None and response.status_code == 201:
                        with lock:
                            petitions.append(title)
                else:
                    timed(target, lambda n=n: s.get(self.node_b + paths[n % len(paths)], timeout=30))

        with cf.ThreadPoolExecutor(8) as pool:
            list(pool.map(client, range(8)))
        kept = self.count_petitions([*petitions])
        self.row(
            "Redis stopped under load",
            f"{total:,} requests (1 in 10 a petition), Redis down {down['seconds']:.0f} s in the middle",
            f"before/after {tally.text()}; while down {outage.text()}; petitions accepted "
            f"{len(petitions)}, in the database {kept}",
            not tally.server_errors() and not outage.server_errors() and kept == len(petitions),
        )

    # 6 -------------------------------------------------------------------------------------
    def kill_workers(self, petitions: int = 300, kills: int = 4) -> None:
        titles = [f"Đơn khi tiến trình bị dừng {uuid.uuid4().hex[:10]}" for _ in range(petitions)]
        codes: dict[str, set] = {}
        retries = Counter()

        def send(title: str) -> None:
            s, key = self.session(self.node_b), str(uuid.uuid4())
            for attempt in range(12):
                try:
                    response = self.submit(s, self.node_b, title, key=key)
                except requests.RequestException:
                    response = None
                if response is not None and response.status_code in (200, 201):
                    codes.setdefault(title, set()).add(response.json()["code"])
                    return
                retries["retried"] += 1
                time.sleep(0.2 * (attempt + 1))
            retries["gave up"] += 1

        def killer() -> int:
            killed = 0
            for _ in range(kills):
                time.sleep(1.5)
                master = self.stack.pid("node-b")
                out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
                for pid in out[:1]:
                    os.kill(int(pid), signal.SIGKILL)
                    killed += 1
            return killed

        with cf.ThreadPoolExecutor(9) as pool:
            killing = pool.submit(killer)
            list(pool.map(send, titles))
            killed = killing.result()
        kept = self.count_petitions(titles)
        twice = sum(1 for found in codes.values() if len(found) > 1)
        self.row(
            "workers killed (SIGKILL) under load",
            f"{petitions} petitions, 8 clients retrying with their Idempotency-Key, {killed} workers killed",
            f"retries {retries['retried']}, given up {retries['gave up']}; answered {len(codes)}; in the database "
            f"{kept}; a second code for one petition {twice}",
            kept == petitions == len(codes) and twice == 0 and not retries["gave up"],
        )

    def count_petitions(self, titles: list[str]) -> int:
        import psycopg

        with psycopg.connect(DATABASE.replace("postgres://", "postgresql://", 1)) as connection:
            return connection.execute(
                "SELECT count(*) FROM feedback_petition WHERE title = ANY(%s)", [titles]
            ).fetchone()[0]

    def table(self) -> None:
        print("\nAttack on the production stack (issue 14, loopback, one run)")
        print(f"{'':<2}{'scenario':<44} {'sent':<58} outcome")
        for name, sent, outcome, held in self.rows:
            print(f"{'✓' if held else '✗':<2}{name:<44} {sent:<58} {outcome}")
        failed = [name for name, *_rest, held in self.rows if not held]
        print(
            f"{len(self.rows) - len(failed)} held, {len(failed)} failed" + (f": {', '.join(failed)}" if failed else "")
        )


def main() -> int:
    if not port_open("127.0.0.1", 5432):
        print("benchmarks.attack: PostgreSQL does not answer on 127.0.0.1:5432: skipped")
        return 0
    stack = Stack(
        folder=ROOT / "var" / "attack",
        https_port=free_port(),
        http_port=free_port(),
        node_ports=[free_port()],
        database_url=DATABASE,
        redis_url=f"redis://127.0.0.1:{free_port()}/0",
    )
    stack.stop()  # what an interrupted run left
    node_b_port = free_port()
    try:
        print("benchmarks.attack: starting its own production stack (var/attack)…", flush=True)
        stack.start()
        stack.start_node(node_b_port, name="node-b", **LIFTED)
        attack = Attack(stack, f"http://127.0.0.1:{node_b_port}")
        for scenario in (
            attack.idempotency_guessing,
            attack.lookup_guessing,
            attack.admin_brute_force,
            attack.image_bombs,
            attack.redis_outage,
            attack.kill_workers,
        ):
            print(f"- {scenario.__name__}", flush=True)
            scenario()
        attack.table()
        return 1 if any(not held for *_rest, held in attack.rows) else 0
    except StackError as error:
        print(f"benchmarks.attack: the stack did not start: {error}")
        return 1
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
