# gunicorn -c deploy/gunicorn.conf.py portal.wsgi
import multiprocessing
import os

import gunicorn.http.wsgi

# No server name or version in the Server header (gunicorn has no setting for it).
gunicorn.http.wsgi.SERVER = "portal"

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("WEB_THREADS", "2"))
timeout = 30
accesslog = "-"
# No client addresses in the access log (personal data): method, path, status, size, time.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(L)ss'  # path without the query string (keys, searches)
# A request may take at most 30 s; on `systemctl reload` (SIGHUP) workers finish what they serve
# for up to 25 s before they are replaced (graceful restart, no request cut).
graceful_timeout = 25
# Keep-alive with nginx's upstream pool (deploy/nginx.conf: keepalive 32).
keepalive = 5
# A worker is replaced after about a thousand requests, so slow leaks cannot grow without end;
# the jitter keeps workers from restarting together.
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "1000"))
max_requests_jitter = 100
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Trust X-Forwarded-* only from the local nginx.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
