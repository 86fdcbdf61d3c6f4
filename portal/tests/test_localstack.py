"""`make prod` (portal.core.localstack): the production stack comes up on loopback ports with
the production settings, answers through nginx with TLS and its micro-cache, reports itself
ready (database, Redis, worker and scheduler heartbeats), and stops leaving nothing behind.

The full start runs where CI runs the PostgreSQL suite (DATABASE_URL and REDIS_URL set), on a
database of its own that it drops afterwards."""

from __future__ import annotations

import http.client
import os
import subprocess
from urllib.parse import urlsplit

import pytest

from portal.core.localstack import NGINX, Stack, free_port, loopback_tls_context, port_open, render_nginx

pytestmark = pytest.mark.skipif(not NGINX, reason="nginx not installed")


def test_several_nodes_become_one_upstream_and_nginx_accepts_it(tmp_path):
    main = render_nginx(
        tmp_path, upstreams=["127.0.0.1:8101", "127.0.0.1:8102"], http_port=free_port(), https_port=free_port()
    )
    site = (tmp_path / "site.conf").read_text(encoding="utf-8")
    assert "server 127.0.0.1:8101; server 127.0.0.1:8102;" in site and "listen [::]" not in site
    result = subprocess.run([NGINX, "-t", "-c", str(main), "-p", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_environment_is_production_whatever_the_shell_says(tmp_path, monkeypatch):
    monkeypatch.setenv("DEBUG", "1")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///elsewhere.sqlite3")
    stack = Stack(folder=tmp_path, https_port=9443, node_ports=[9101])
    env = stack.env()
    assert env["DJANGO_SETTINGS_MODULE"] == "portal.settings.production" and env["DEBUG"] == "0"
    assert env["DATABASE_URL"] == stack.database_url and env["TASKS_BACKEND"] == "database"
    assert env["BASE_URL"] == env["FRONTEND_CACHE_URL"] == "https://127.0.0.1:9443"
    assert len(env["SECRET_KEY"]) >= 50 and stack.secret_key() == env["SECRET_KEY"]  # kept between runs
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


def _get(port: int, path: str, headers: dict | None = None):
    context = loopback_tls_context()
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=30)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_the_stack_starts_serves_reports_ready_and_stops(tmp_path, stack_database):
    redis = urlsplit(os.environ["REDIS_URL"])
    stack = Stack(
        folder=tmp_path,
        https_port=free_port(),
        http_port=free_port(),
        node_ports=[free_port()],
        database_url=stack_database,
        redis_url=f"redis://{redis.hostname}:{redis.port or 6379}/12",
        web_workers=2,
    )
    try:
        stack.start(demo=False)
        assert set(stack.names()) == {"nginx", f"node-{stack.node_ports[0]}", "scheduler", "worker"}
        status, report = stack.readiness()
        assert status == 200, report
        assert report["checks"]["database"]["vendor"] == "postgresql"
        assert report["checks"]["worker"]["ok"] and report["checks"]["scheduler"]["ok"]

        first, body = _get(stack.https_port, "/")
        assert first.status == 200 and "<html" in body.decode()
        second, again = _get(stack.https_port, "/")
        assert second.getheader("X-Micro-Cache") == "HIT" and again == body
        # Production settings are in force behind nginx: HSTS, the secure cookie names.
        assert "max-age=31536000" in second.getheader("Strict-Transport-Security")
        tracking, _body = _get(stack.https_port, "/phan-anh-kien-nghi/tra-cuu/")
        assert "__Host-csrftoken" in (tracking.getheader("Set-Cookie") or "")
        # Static files collected by the stack, hashed and served by nginx itself.
        css = next((tmp_path / "static").rglob("*.css.gz")).with_suffix("")
        path = "/static/" + css.relative_to(tmp_path / "static").as_posix()
        static, _body = _get(stack.https_port, path)
        assert static.status == 200 and static.getheader("Server") == "nginx"
    finally:
        stopped = stack.stop()
    assert {"nginx", "worker", "scheduler"} <= set(stopped)
    assert stack.names() == []
    assert not port_open("127.0.0.1", stack.https_port) and not port_open("127.0.0.1", stack.node_ports[0])
