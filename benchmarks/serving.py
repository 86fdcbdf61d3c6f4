"""`make bench`, the production path over HTTP: wrk against the local production stack
(portal.core.localstack, `make prod`), in one run (issue 17).

Five addresses (home, a category, an article, a search, the API's article list), each at 16 and
64 connections, four ways:
  (a) through nginx (TLS, HTTP/1.1 keep-alive) with a warm micro-cache;
  (b) gunicorn alone with a warm page cache (the app's own cache in Redis);
  (c) gunicorn alone with the page cache off (PAGE_CACHE_SECONDS=0 on a node of its own):
      what every cache miss, every editor and every page after a publish costs;
  (d) nginx serving the article's HTML as a static file: the ceiling of this machine;
  (e) gunicorn with the portal's configuration serving the same HTML from a constant WSGI app
      (benchmarks/constant_app.py): the ceiling of the application server itself, what (b) and
      (c) can at best approach.
Each row: requests/s, p50, p99, errors (non-2xx or socket), and its ratio to (d) at the same
connection count. wrk and the stack share the 2 cores, as a real rush shares them with nothing:
compare ratios within one run, not absolute numbers between machines.

Uses a running stack (make prod) or starts one and stops it afterwards. Needs wrk and the local
PostgreSQL; BENCH_WRK_SECONDS (5, at most 15) per measurement.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import Request, urlopen

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import BEHIND_NGINX  # noqa: E402
from portal.core.localstack import (  # noqa: E402
    ROOT,
    Stack,
    StackError,
    free_port,
    loopback_tls_context,
    wait_port,
)

SECONDS = min(15, int(os.environ.get("BENCH_WRK_SECONDS", "5")))
CONNECTIONS = (16, 64)
TARGETS = {"a_share_of_d": 0.30, "b_rps": 1500, "c_article_rps": 200, "p99_ms_at_64": 50}


def fetch(url: str, headers: dict | None = None) -> bytes:
    with urlopen(Request(url, headers=headers or {}), timeout=30, context=loopback_tls_context()) as response:  # noqa: S310
        return response.read()


def addresses(stack: Stack) -> dict[str, str]:
    """A real category and article of the demo content, found from the home page."""
    home = fetch(stack.base_url + "/").decode()
    article = re.search(r'href="(/tin-tuc-su-kien/[^/"]+/[^/"]+/)"', home).group(1)
    category = "/" + article.strip("/").split("/")[0] + "/"
    return {
        "home": "/",
        "category": category,
        "article": article,
        "search": "/tim-kiem/?q=khoa+hoc+cong+nghe",
        "api list": "/api/v1/articles?limit=20",
    }


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def wrk(url: str, connections: int, *, headers: dict | None = None, seconds: int = SECONDS) -> dict:
    header_args = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s", *header_args, url],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = result.stdout
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"\s50%\s+(\S+)", out).group(1)),
        "p99": _ms(re.search(r"\s99%\s+(\S+)", out).group(1)),
        "errors": errors,
    }


def main() -> int:
    if not shutil.which("wrk"):
        print("benchmarks.serving: wrk is not installed (apt-get install wrk): skipped")
        return 0
    stack = Stack()
    started = False
    if stack.readiness()[0] != 200:
        print("benchmarks.serving: starting the local production stack (make prod)…", flush=True)
        try:
            stack.start()
        except StackError as error:
            print(f"benchmarks.serving: skipped, the stack did not start: {error}")
            return 0
        started = True
    uncached_port, constant_port = free_port(), free_port()
    try:
        stack.start_node(uncached_port, name="bench-uncached", PAGE_CACHE_SECONDS="0")
        return run(stack, uncached_port, constant_port)
    finally:
        stack.stop_process("bench-uncached")
        stack.stop_process("bench-constant")
        if started:
            stack.stop()


def start_constant(stack: Stack, port: int, body: Path) -> None:
    """(e): gunicorn, the portal's configuration, a constant app serving `body`."""
    command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py")]
    env = stack.env(PORT=str(port), BENCH_CONSTANT_FILE=str(body), PYTHONPATH=str(ROOT))
    stack.spawn("bench-constant", [*command, "benchmarks.constant_app:app"], env)
    if not wait_port("127.0.0.1", port, 60):
        raise StackError(f"the constant app did not start: see {stack.log_dir}/bench-constant.log")


def run(stack: Stack, uncached_port: int, constant_port: int) -> int:
    paths = addresses(stack)
    node = f"http://127.0.0.1:{stack.node_ports[0]}"
    uncached = f"http://127.0.0.1:{uncached_port}"
    # (d): the article as nginx's own static file; (e) the same bytes from gunicorn.
    ceiling = Path(stack.folder / "static" / "bench-ceiling.html")
    ceiling.write_bytes(fetch(stack.base_url + paths["article"]))
    start_constant(stack, constant_port, ceiling)
    # Every worker of both nodes draws each address before anything is timed: a process's first
    # render of a template compiles it (~0.1 s each), which a 5-second row would otherwise count.
    for path in paths.values():
        for base in (node, uncached):
            wrk(base + path, CONNECTIONS[0], headers=BEHIND_NGINX, seconds=1)
    rows = []
    for connections in CONNECTIONS:
        d = wrk(f"{stack.base_url}/static/bench-ceiling.html", connections)
        rows.append(("d", "article (static file)", connections, d, d))
        e = wrk(f"http://127.0.0.1:{constant_port}/", connections)
        rows.append(("e", "article (constant app)", connections, e, d))
        for name, path in paths.items():
            for way, base, headers in (
                ("a", stack.base_url, {}),
                ("b", node, BEHIND_NGINX),
                ("c", uncached, BEHIND_NGINX),
            ):
                fetch(base + path, headers=headers)  # warm the cache (a, b)
                rows.append((way, name, connections, wrk(base + path, connections, headers=headers), d))
                time.sleep(0.5)
    ceiling.unlink(missing_ok=True)
    print_table(rows)
    return 0


WAYS = {
    "a": "(a) nginx, micro-cache",
    "b": "(b) gunicorn, page cache",
    "c": "(c) gunicorn, no cache",
    "d": "(d) nginx, static file",
    "e": "(e) gunicorn, constant",
}


def print_table(rows) -> None:
    print(f"\nProduction stack over HTTP (wrk, {SECONDS} s per row, 2 threads, 127.0.0.1)")
    print(
        f"{'way':<26} {'address':<22} {'conn':>4} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6} {'÷ (d)':>7}"
    )
    for way, name, connections, result, ceiling in sorted(rows, key=lambda r: (r[0], r[2], r[1])):
        ratio = result["rps"] / ceiling["rps"] if ceiling["rps"] else 0
        print(
            f"{WAYS[way]:<26} {name:<22} {connections:>4} {result['rps']:>9,.0f} {result['p50']:>8.1f} "
            f"{result['p99']:>8.1f} {result['errors']:>6} {ratio:>7.1%}"
        )
    print(
        "targets: (a) ≥ {a:.0%} of (d); (b) ≥ {b:,} req/s; (c) article ≥ {c} req/s; "
        "p99 < {p} ms at 64 connections for (a) and (b)".format(
            a=TARGETS["a_share_of_d"], b=TARGETS["b_rps"], c=TARGETS["c_article_rps"], p=TARGETS["p99_ms_at_64"]
        )
    )


if __name__ == "__main__":
    sys.exit(main())
