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
