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
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
ALLOWED_HOSTS = ["*"]
