"""Local development: DEBUG on, a throwaway secret key, console e-mail."""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

from .base import *  # noqa: E402,F403
from .env import env_str  # noqa: E402

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
