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
