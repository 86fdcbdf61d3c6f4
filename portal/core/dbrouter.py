"""Read replicas: anonymous public pages read from a PostgreSQL replica, everything else from
the primary (DATABASE_REPLICA_URL; docs/scale-out.md).

What a citizen reads (GET or HEAD without a session cookie: pages, listings, search, the public
API's reads) may be a second or so behind the primary, which a streaming replica is. Everything
that must see its own writes stays on the primary: every write; every request of a signed-in
member of staff (an editor reads what they just saved); every POST (a petition, a rating, a
visit beacon, whose services read before they write); background tasks, the scheduler and
management commands (no request at all); and any query inside a transaction on the primary.

Django's routers see models, not requests, so `ReplicaReadsMiddleware` marks the requests that
may use the replica (a context variable, so threads and async tasks each keep their own), and
`ReplicaRouter` reads that mark. Without DATABASE_REPLICA_URL neither is installed."""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.db import connections

from .headers import admin_prefixes

REPLICA = "replica"
_public_read: ContextVar[bool] = ContextVar("portal_public_read", default=False)


def reads_from_replica() -> bool:
    """Whether reads of the current request go to the replica now."""
    return _public_read.get() and not connections["default"].in_atomic_block


def may_use_replica(request) -> bool:
    """A citizen's read: GET or HEAD, no session cookie, outside the admin."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(admin_prefixes())
    )


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _public_read.set(may_use_replica(request))
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)


class ReplicaRouter:
    """Reads of marked requests to the replica; writes, migrations and everything else to the
    primary. Both aliases hold the same data, so relations between them are allowed."""

    def db_for_read(self, model, **hints):
        return REPLICA if reads_from_replica() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
