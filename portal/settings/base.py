"""Settings shared by every environment. Everything configurable comes from the environment
(see README.md, "Configuration"); dev/test/production only change defaults."""

import base64
import datetime as dt
import hashlib
from pathlib import Path

import dj_database_url

from .caches import redis_caches
from .env import env_bool, env_int, env_list, env_str
from .replica import with_replica

PORTAL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PORTAL_DIR.parent

SECRET_KEY = env_str("SECRET_KEY", "")
# Earlier secrets, comma-separated, while a rotation settles: sessions, signed tokens and the
# citizens' tracking keys made with them stay valid (docs/huong-dan-van-hanh.md).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "portal.core",
    "portal.outbox",
    "portal.glossary",
    "portal.home",
    "portal.news",
    "portal.search",
    "portal.visits",
    "portal.accessibility",
    "portal.feedback",
    "portal.awards",
    "portal.science",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "ninja",  # serves Swagger UI for /api/v1/docs from our static files, not from a CDN
]

MIDDLEWARE = [
    # Outermost: it stores pages with every header the others add (portal.core.middleware).
    "portal.core.middleware.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.core.headers.PortalCSPMiddleware",
    "portal.core.headers.PermissionsPolicyMiddleware",
    "portal.core.errors.RequestGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.core.sitememo.SiteMemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.core.staff.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
# Widgets are drawn with the project's templates, so portal/templates/wagtailadmin can replace
# Wagtail's widget templates that end in inline scripts (the admin's CSP refuses them).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers (page views) proceed while a writer (view counter, editor) commits;
    # a busy timeout turns short write contention into waiting instead of "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DATABASE_ROUTERS = with_replica(DATABASES, MIDDLEWARE)  # DATABASE_REPLICA_URL: settings/replica.py
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
# nginx's micro-cache, refreshed after each publish (portal.core.frontcache): the address of the
# local nginx, e.g. https://127.0.0.1. Empty: nothing is sent.
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "portal.core.frontcache.NginxRefreshBackend", "LOCATION": FRONTEND_CACHE_URL}
    }
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, PAGE_CACHE_SECONDS)  # settings/caches.py
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
            "TIMEOUT": 86_400,
        },
    }

# Background work goes through Django's task API (django-tasks). "immediate" runs a task
# inside the request (no worker needed: development, tests); "database" stores it durably
# and `manage.py db_worker` runs it (production).
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    # Django's list plus passwords common in Vietnam and in agencies (portal/core/data).
    {"NAME": "portal.core.staff.passwords.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff sign-in (portal.core.staff): django-axes counts failures per account and per address
# (each alone locks), in the database, so it works with Redis down; the client address is
# read as everywhere else (TRUSTED_PROXIES). The lock-out page is ours, in Vietnamese.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("STAFF_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("STAFF_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # successes are in Wagtail's audit log, without addresses
AXES_CLIENT_IP_CALLABLE = "portal.core.beacons.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.core.staff.lockout.lockout_response"
AXES_USERNAME_FORM_FIELD = "username"
# Two-step sign-in for accounts that can publish or see personal data (portal.core.staff.twofactor).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = env_str("SITE_NAME", "Cổng thông tin điện tử")
# A staff session ends after this many idle minutes, and after a working day at most.
STAFF_IDLE_MINUTES = env_int("STAFF_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 10) * 3600
# Where the admins live (change them to keep robots off the sign-in pages).
MAINTENANCE_NOTICE_WORKING_DAYS = env_int("MAINTENANCE_NOTICE_WORKING_DAYS", 7)  # portal.core.maintenance
ADMIN_PATH = env_str("ADMIN_PATH", "admin/").strip("/") + "/"
DJANGO_ADMIN_PATH = env_str("DJANGO_ADMIN_PATH", "django-admin/").strip("/") + "/"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# dd/mm/yyyy in every form and listing, week from Monday (portal/core/localeformats/vi).
FORMAT_MODULE_PATH = ["portal.core.localeformats"]
# Our strings first, then our completion of the Wagtail admin catalogue (see translation_report).
LOCALE_PATHS = [PORTAL_DIR / "locale", PORTAL_DIR / "locale_admin"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [PORTAL_DIR / "static"]
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Petition attachments (personal data): never under MEDIA_ROOT, never served directly.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # whitenoise's (hashed, compressed), each name's address remembered (portal.core.staticstorage).
    "staticfiles": {"BACKEND": "portal.core.staticstorage.PortalStaticFilesStorage"},
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)  # seconds; a hung mail server must not hold a worker
# Sent messages of the outbox (portal.outbox) are deleted after this many days.
MAIL_KEEP_DAYS = env_int("MAIL_KEEP_DAYS", 30)

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Cổng thông tin điện tử")
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# New pages get ASCII slugs (đ → d), in the editor and on the server (portal/core/pages.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# "simple": no English stop words (folded Vietnamese syllables such as "to", "an" are words).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}}
PORTAL_SEARCH_CONFIG = "simple"
# Unfiltered searches keep only the newest this many matches and say that more match (see
# portal/news/search_engine.py, IndexQuery); smaller is faster.
SEARCH_BROAD_LIMIT = env_int("SEARCH_BROAD_LIMIT", 1_000)
# Up to this many matches are ordered by the engine's relevance score (bm25 / ts_rank); more
# are ordered by "whole phrase present", then newest, and re-ranked in Python for the first
# 100. On SQLite this counts every match in the index (bm25 costs ~15 ms per 1,000 matches of a
# phrase, even when only the newest are kept); on PostgreSQL the matches kept.
SEARCH_RANKED_MATCHES = env_int("SEARCH_RANKED_MATCHES", 2_000)
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "zip",
    "rar",
    "mp4",
    "webm",
    "txt",
]
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No Gravatar: the admin must work inside closed networks and not leak staff e-mail hashes.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The "What's new in Wagtail" banner links to an English page; the help menu has our guide.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_USER_LOGIN_FORM = "portal.core.forms.PortalLoginForm"
# Uploaded images are public: strip nothing the editor cannot see, but cap the size.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The rows an import in the admin takes at once: it runs inside one request, which ends after 30 s
# (portal.core.importview); larger files go through the management commands.
ADMIN_IMPORT_MAX_ROWS = env_int("ADMIN_IMPORT_MAX_ROWS", 1000)
# Whom to tell about a vulnerability (/.well-known/security.txt): "mailto:…" or "https://…";
# empty: the department's e-mail address from its identity settings.
SECURITY_CONTACT = env_str("SECURITY_CONTACT", "")
# A JSON body larger than this is refused from its Content-Length (413): a petition's longest
# text is 10,000 characters.
JSON_MAX_BODY_BYTES = env_int("JSON_MAX_BODY_BYTES", 256 * 1024)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    # No e-mail address, phone number or secret key reaches a log (portal.core.privacy).
    "filters": {"redact": {"()": "portal.core.privacy.RedactingFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "portal": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# Which iframes survive the import sanitiser (hosts, exact match).
PORTAL_IFRAME_HOSTS = env_list("IFRAME_HOSTS", ["www.youtube.com", "www.youtube-nocookie.com", "player.vimeo.com"])

# Content-Security-Policy (portal.core.headers, docs/security.md). The public site: nothing
# but its own scripts (none inline), styles (inline ones too: responsive embeds and table
# widths are style attributes), images (and data: URIs), media and connections; frames only
# from the embeddable hosts; no plugins; forms post only here; nobody may frame the site.
_SELF, _NONE = "'self'", "'none'"


# Inline scripts the public pages may carry, each allowed by the hash of its exact text
# ({% inline_script %} in portal.core.templatetags.portal_tags refuses any other): only the
# few lines that apply the reader's font size and contrast before the first paint, which as a
# file in <head> made every page wait for a request.
def _csp_hash(path: Path) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode() + "'"


INLINE_SCRIPTS = {
    "accessibility/a11y-init.js": _csp_hash(PORTAL_DIR / "accessibility/static/accessibility/a11y-init.js"),
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF, *INLINE_SCRIPTS.values()],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:"],
        "media-src": [_SELF, "blob:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "frame-src": [f"https://{host}" for host in PORTAL_IFRAME_HOSTS],
        "frame-ancestors": [_SELF],
        "form-action": [_SELF],
        "base-uri": [_SELF],
        "object-src": [_NONE],
    }
}
# The admins: no inline script either (Wagtail's are started from data by
# portal/core/static/core/admin-init.js); its editors set inline styles; images may come from
# blob: (upload previews); the page preview is framed by the admin itself.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [_SELF],
        "img-src": [_SELF, "data:", "blob:"],
        "frame-src": [_SELF, *CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]],
    }
}

from .features import *  # noqa: E402, F403
