"""Test settings: fast hashing, in-memory e-mail, immediate tasks, page cache on (short)."""

import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("TASKS_BACKEND", "immediate")

from .base import *  # noqa: E402,F403
from .base import BASE_DIR  # noqa: E402

SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One folder per pytest-xdist worker: each removes its own at the end of its session.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
MEDIA_ROOT = BASE_DIR / "var" / f"test-media-{_WORKER}"
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / f"test-private-{_WORKER}"
ALLOWED_HOSTS = ["*"]
# Every beacon counts in tests; the de-duplication window has its own test.
PORTAL_VIEW_DEDUP_SECONDS = 0
# Visit hits stay buffered until a test flushes them (no timer threads writing behind its back).
VISITS_FLUSH_SECONDS = 0

# A file database (not SQLite's shared in-memory one, which locks whole tables and ignores the
# busy timeout), so tests with concurrent writers behave as production SQLite does.
from .base import DATABASES, STATIC_ROOT  # noqa: E402

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test-db.sqlite3")}
    (BASE_DIR / "var").mkdir(exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
PORTAL_ALLOW_SYNTHETIC = True  # seed_synthetic in tests and benchmarks
# Publishing in tests does not record audio unless a test asks for it.
READ_ALOUD_ON_PUBLISH = False
# Repeated submissions from the test client's one address would all be challenged; the
# challenge tests turn it on.
FEEDBACK_CHALLENGE_AFTER = 0
# Tests log staff in with force_login: the second factor has its own tests, which turn it on.
TWO_FACTOR_REQUIRED = False
