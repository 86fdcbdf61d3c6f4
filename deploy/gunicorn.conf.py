# gunicorn -c deploy/gunicorn.conf.py portal.wsgi
import io
import multiprocessing
import os
import sys

import gunicorn.http.wsgi

# No server name or version in the Server header (gunicorn has no setting for it).
gunicorn.http.wsgi.SERVER = "portal"

# The loopback (nginx on the same machine); an app node behind nginx on another machine binds
# its private address instead (WEB_BIND=10.0.0.12:8000, docs/scale-out.md).
bind = os.environ.get("WEB_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# One thread per worker: gunicorn's synchronous workers, as its documentation advises behind a
# buffering proxy (nginx buffers requests and answers, so a slow client never holds a worker).
# Measured against two threads (gthread) in one night (benchmarks/serving.py, docs/benchmarks.md):
# the slowest hundredth of page-cache hits at 64 connections 26-32 ms against 45-73, of the
# uncached article 179 ms against 773, at the same throughput. WEB_THREADS=2 gives gthread.
threads = int(os.environ.get("WEB_THREADS", "1"))
timeout = 30
# nginx writes the access log of every request (deploy/nginx.conf, with the micro-cache's
# status); a second line per request from gunicorn cost 12-16 % of a page-cache hit's
# throughput (benchmarks/serving.py). WEB_ACCESS_LOG=1 turns it on for a node being debugged.
accesslog = "-" if os.environ.get("WEB_ACCESS_LOG", "0") == "1" else None
# No client addresses in the access log (personal data): method, path, status, size, time.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(L)ss'  # path without the query string (keys, searches)
# A request may take at most 30 s; on `systemctl reload` (SIGHUP) workers finish what they serve
# for up to 25 s before they are replaced (graceful restart, no request cut).
graceful_timeout = 25
# Keep-alive with nginx's upstream pool (deploy/nginx.conf: keepalive 32), with WEB_THREADS > 1
# only: a synchronous worker closes each connection after its answer.
keepalive = 5
# A worker is replaced after about a hundred thousand requests, so a slow leak cannot grow
# without end; the jitter keeps workers from restarting together. Each start costs ~1.5 s of a
# core (imports and the warm-up below) and drops the worker's keep-alive connections: at ten
# thousand, a node under a rush (3,000 req/s over 5 workers) restarted a worker every 3-4 s and
# the slowest hundredth of its answers doubled (benchmarks/serving.py, docs/benchmarks.md). A
# worker's memory stayed at 155-159 MB over 16,000 uncached renders (no leak to bound tightly).
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "100000"))
max_requests_jitter = 10000
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Trust X-Forwarded-* only from the local nginx.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Warm a new worker before it takes requests: the first request of a cold process loads
    the URL configuration, templates and translations (0.4 s); a visitor should not wait for it.
    The home page is rendered once inside the worker (the query string skips the page cache);
    a failure (database not up yet) only leaves the worker cold."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/",
        "QUERY_STRING": "warm=1",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": bind.rsplit(":", 1)[1],
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_X_FORWARDED_PROTO": "https",
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": threads > 1,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    try:
        body = worker.wsgi(environ, lambda status, headers, exc_info=None: None)
        for _chunk in body:
            pass
        getattr(body, "close", lambda: None)()
    except Exception as error:  # noqa: BLE001 - a cold worker still works
        worker.log.warning("worker warm-up skipped: %s", error)
