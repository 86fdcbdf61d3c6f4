"""Scale-out (issue 17): two app nodes (two gunicorn processes on their own ports, the same
PostgreSQL and Redis, one media folder) behind the local nginx as their load balancer, with the
worker and the scheduler: what one node changes the other serves at once, counts sent to both
add up exactly, a staff session moves between them, and killing a node under load loses no
petition (clients retry on the other with their Idempotency-Key).

Runs where CI runs the PostgreSQL suite (DATABASE_URL and REDIS_URL set), on a database of its
own that it drops afterwards; `make scaleout-test` runs it alone. About two minutes, most of it
the demo content being loaded."""

from __future__ import annotations

import concurrent.futures as cf
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from urllib.parse import urlsplit

import pytest

from portal.core.localstack import NGINX, ROOT, Stack, free_port

pytestmark = [pytest.mark.scaleout, pytest.mark.skipif(not NGINX, reason="nginx not installed")]
requests = pytest.importorskip("requests")

PETITION = {
    "full_name": "Người gửi thử",
    "address": "Phường Tiên Cát, Việt Trì",
    "phone": "0912 000 111",
    "email": "",
    "content": "Đề nghị hướng dẫn thủ tục đăng ký kết quả nhiệm vụ khoa học và công nghệ.",
    "field": "Khoa học và công nghệ",
    "consent": True,
    "publish_allowed": False,
}
LIFTED = {  # the test sends all its petitions from one address
    "FEEDBACK_ATTEMPTS_PER_IP_HOUR": "100000",
    "FEEDBACK_LIMIT_PER_IP_HOUR": "100000",
    "FEEDBACK_LIMIT_PER_CONTACT_DAY": "100000",
    "FEEDBACK_CHALLENGE_AFTER": "0",
}


class Node:
    """HTTP to one node as nginx would pass it on (HTTPS, the site's host), keeping the session
    cookies by hand: they are Secure and this hop is plain HTTP."""

    def __init__(self, port: int, front: str, cookies: dict | None = None):
        self.base, self.front = f"http://127.0.0.1:{port}", front
        self.cookies = cookies if cookies is not None else {}
        self.http = requests.Session()
        self.http.trust_env = False  # loopback only: no proxy or CA bundle from the environment

    def request(self, method: str, path: str, **kwargs):
        headers = {
            "X-Forwarded-Proto": "https",
            "Accept": "text/html,application/json",
            "Host": urlsplit(self.front).netloc,
            "Referer": self.front + path,
            "Origin": self.front,
            **kwargs.pop("headers", {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = self.http.request(
            method, self.base + path, headers=headers, allow_redirects=False, timeout=30, **kwargs
        )
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        return response

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs):
        return self.request("POST", path, **kwargs)

    def form_post(self, path: str, data: dict):
        """GET the form for its CSRF token, then POST it."""
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        return self.post(path, data={**data, "csrfmiddlewaretoken": token.group(1) if token else ""})


def front_get(stack: Stack, path: str):
    return requests.get(stack.base_url + path, verify=False, timeout=30)  # noqa: S501 - our own nginx


@pytest.fixture
def two_nodes(tmp_path, stack_database):
    import urllib3

    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    redis = urlsplit(os.environ["REDIS_URL"])
    subprocess.run(
        ["redis-cli", "-h", redis.hostname or "127.0.0.1", "-p", str(redis.port or 6379), "-n", "11", "flushdb"],
        capture_output=True,
    )
    stack = Stack(
        folder=tmp_path,  # one media folder for both nodes
        https_port=free_port(),
        http_port=free_port(),
        node_ports=[free_port(), free_port()],
        database_url=stack_database,
        redis_url=f"redis://{redis.hostname}:{redis.port or 6379}/11",
        web_workers=2,
    )
    os.environ.update(LIFTED)  # read by Stack.env(): both nodes, the worker and the scheduler
    try:
        stack.start()
        yield stack
    finally:
        for name in LIFTED:
            os.environ.pop(name, None)
        stack.stop()


def count_petitions(stack: Stack, titles: list[str]) -> int:
    import psycopg

    with psycopg.connect(stack.database_url.replace("postgres://", "postgresql://", 1)) as connection:
        return connection.execute("SELECT count(*) FROM feedback_petition WHERE title = ANY(%s)", [titles]).fetchone()[
            0
        ]


def staff_sign_in(stack: Stack, node: Node) -> None:
    """A publisher account with recovery codes (two-step sign-in), signed in on `node`."""
    script = (
        "from django.contrib.auth import get_user_model;"
        "from portal.core.staff import twofactor;"
        "u = get_user_model().objects.create_superuser('tongbientap', 'tbt@example.vn', 'Mat-khau-rat-dai-2026');"
        "twofactor.pending_device(u).__class__.objects.filter(user=u).update(confirmed=True);"
        "print(twofactor.recovery_codes_new(u)[0])"
    )
    out = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
        cwd=ROOT, env=stack.env(), capture_output=True, text=True, check=True,
    )  # fmt: skip
    code = out.stdout.strip().splitlines()[-1]
    signed = node.form_post("/admin/login/", {"username": "tongbientap", "password": "Mat-khau-rat-dai-2026"})
    assert signed.status_code == 302, signed.text[:500]
    asked = node.get("/admin/")  # the second step is asked before the admin opens
    assert asked.status_code == 302 and "xac-thuc-hai-lop" in asked.headers["Location"], asked.text[:800]
    done = node.form_post(asked.headers["Location"], {"code": code})
    assert done.status_code == 302 and done.headers["Location"] == "/admin/", done.text[:500]


def test_two_nodes_behind_nginx_act_as_one_site(two_nodes):
    stack = two_nodes
    port_a, port_b = stack.node_ports
    a, b = Node(port_a, stack.base_url), Node(port_b, stack.base_url)
    assert front_get(stack, "/readyz").status_code == 200

    # A staff session made on node A is valid on node B (sessions in the shared database/cache).
    staff_sign_in(stack, a)
    staff_b = Node(port_b, stack.base_url, cookies=a.cookies)
    dashboard = staff_b.get("/admin/")
    assert dashboard.status_code == 200 and "tongbientap" in dashboard.text

    # A page unpublished through node A is gone through node B and through nginx's micro-cache;
    # published again through node B, it is back everywhere.
    article = front_get(stack, "/api/v1/articles?page_size=1").json()["items"][0]
    path = urlsplit(article["url"]).path
    for _ in range(2):  # warm every cache: both nodes' page cache, nginx's micro-cache
        assert a.get(path).status_code == b.get(path).status_code == front_get(stack, path).status_code == 200
    assert front_get(stack, path).headers.get("X-Micro-Cache") == "HIT"
    gone = a.form_post(f"/admin/pages/{article['id']}/unpublish/", {})
    assert gone.status_code == 302
    assert b.get(path).status_code == 404
    assert _eventually(lambda: front_get(stack, path).status_code == 404)
    back = staff_b.form_post(f"/admin/bulk/wagtailcore/page/publish/?id={article['id']}", {})
    assert back.status_code == 302
    assert a.get(path).status_code == 200
    assert _eventually(lambda: front_get(stack, path).status_code == 200)

    # Visit counts sent alternately to both nodes add up exactly (one buffer in Redis).
    def beacon(node: Node, reader: str):
        return node.post(
            "/api/v1/visits/hit", json={"page": article["id"]}, headers={"User-Agent": f"reader {reader}"}
        ).json()

    before = beacon(a, "first")["page_views"]
    for n in range(20):
        beacon(a if n % 2 else b, str(n))
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "flush_visits"], cwd=ROOT, env=stack.env(), check=True)
    assert beacon(b, "last")["page_views"] == before + 21

    # Petitions sent alternately to both nodes: every one stored, none twice.
    titles = [f"Đơn gửi luân phiên {n} {uuid.uuid4().hex[:6]}" for n in range(10)]
    for n, title in enumerate(titles):
        sent = (a if n % 2 else b).post("/api/v1/feedback", json={**PETITION, "title": title})
        assert sent.status_code == 201, sent.text
    assert count_petitions(stack, titles) == len(titles)

    # Node A killed (SIGKILL, master and workers) under a load of petitions: each client retries
    # on node B with its Idempotency-Key and gets one code; nothing lost, nothing twice.
    load = [f"Đơn khi nút A dừng {n} {uuid.uuid4().hex[:6]}" for n in range(120)]
    codes: dict[str, set[str]] = {}
    retried: list[str] = []

    def send(index: int, title: str) -> None:
        key = str(uuid.uuid4())
        for attempt in range(10):
            port = port_a if attempt == 0 and index % 2 else port_b  # half start on A, retries go to B
            try:
                response = Node(port, stack.base_url).post(
                    "/api/v1/feedback", json={**PETITION, "title": title}, headers={"Idempotency-Key": key}
                )
            except requests.RequestException:
                response = None
            if response is not None and response.status_code in (200, 201):
                codes.setdefault(title, set()).add(response.json()["code"])
                return
            retried.append(title)
            time.sleep(0.2)

    def kill_a() -> None:
        time.sleep(0.3)
        os.killpg(stack.pid(f"node-{port_a}"), signal.SIGKILL)

    with cf.ThreadPoolExecutor(9) as pool:
        killer = pool.submit(kill_a)
        list(pool.map(send, range(len(load)), load))
        killer.result()
    assert len(codes) == len(load) and all(len(found) == 1 for found in codes.values())
    assert count_petitions(stack, load) == len(load)
    assert retried, "node A was killed after the load: nothing was retried"
    # The site keeps answering through nginx on the node left.
    assert front_get(stack, "/").status_code == 200


def _eventually(check, seconds: float = 10.0) -> bool:
    """nginx's micro-cache is refreshed by the worker right after the change: give it a moment."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.25)
    return False
