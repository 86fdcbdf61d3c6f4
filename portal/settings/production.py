"""Production: DEBUG off, the secret key must be given, durable task queue, secure cookies."""

import os

from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("TASKS_BACKEND", "database")

from .base import *  # noqa: E402,F403
from .env import env_bool, env_int, env_str  # noqa: E402

SECRET_KEY = env_str("SECRET_KEY")  # required: no default
# Refuse to start rather than run exposed: DEBUG shows settings and code in error pages, and a
# short or sample key makes sessions, password resets and signed links forgeable.
if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must be off with the production settings (unset DEBUG or set DEBUG=0)")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be a random value of at least 50 characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
    )
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
if SESSION_COOKIE_SECURE:
    # Over HTTPS: cookies only this host can set and read (no Domain, Path=/, Secure), HTTPS
    # remembered by browsers for a year (sent on HTTPS answers only), plain HTTP redirected
    # (nginx does it first; this catches a proxy that does not).
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31_536_000)
    SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # loopback health checks
else:
    SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0)
# HSTS for subdomains and the browsers' preload list are the province's decision for its whole
# domain, not one department's: off unless asked for (HSTS_SUBDOMAINS=1, HSTS_PRELOAD=1).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
# The admin frames its own page previews, so SAMEORIGIN, not DENY (check security.W019), and
# the CSP's frame-ancestors says the same.
SILENCED_SYSTEM_CHECKS = ["security.W019", "security.W005", "security.W021"]

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
        "renditions": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR / "renditions"),
            "TIMEOUT": 86_400,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }
