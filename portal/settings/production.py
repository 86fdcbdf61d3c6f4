"""Production: DEBUG off, the secret key must be given, durable task queue, secure cookies."""

import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("TASKS_BACKEND", "database")

from .base import *  # noqa: E402,F403
from .env import env_bool, env_int, env_str  # noqa: E402

SECRET_KEY = env_str("SECRET_KEY")  # required: no default
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0)

if not REDIS_URL:  # noqa: F405
    # Several gunicorn workers must share rate limits, the petition question's attempt
    # counts, view de-duplication, counters and the page cache; local memory would give each
    # worker its own. Without Redis they share files on this machine (one machine only: a
    # second app server needs REDIS_URL).
    CACHE_DIR = BASE_DIR / "var" / "cache"  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR / "default"),
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR / "pages"),
            "TIMEOUT": PAGE_CACHE_SECONDS,  # noqa: F405
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }
