"""A WSGI app that answers every request with the bytes of one file: gunicorn's own ceiling on
this machine with the portal's configuration (deploy/gunicorn.conf.py), way (e) of
benchmarks.serving. Nothing of Django runs."""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_CONSTANT_FILE"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def app(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
