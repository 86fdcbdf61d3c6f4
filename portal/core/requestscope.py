"""Values remembered for the length of one request, and only inside one.

A page render asks the same question several times (Wagtail reads its list of site root paths
from the cache for every page address it builds without a request at hand; the layered cache
checks whether the shared cache was emptied). `SiteMemoMiddleware` opens a scope around each
request; inside it `remembered(key, compute)` computes once, outside it (a management command, a
task, a test calling a function directly) it computes every time, so nothing is ever kept
longer than the request that asked.

Each thread of a gunicorn worker has its own context, so concurrent requests never share one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_scope: ContextVar[dict | None] = ContextVar("portal_request_scope", default=None)


@contextmanager
def request_scope() -> Iterator[dict]:
    """The memo of one request; nested scopes share the outer one."""
    current = _scope.get()
    if current is not None:
        yield current
        return
    memo: dict = {}
    token = _scope.set(memo)
    try:
        yield memo
    finally:
        _scope.reset(token)


def current() -> dict | None:
    """The memo of the request being served, or None outside a request."""
    return _scope.get()


def remembered(key, compute: Callable[[], T]) -> T:
    memo = _scope.get()
    if memo is None:
        return compute()
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = compute()
        return value
