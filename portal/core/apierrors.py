"""The error answers of the API, declared once so every operation documents them in the
OpenAPI schema (clients and fuzzers then see the real contract): 400 unreadable body, 403 a
form posted by another site, 404 no such record, 413 a body too large, 415 a body of another
type, 422 a Vietnamese message per field (with a question to answer after repeated
attempts), 429 too many requests, 503 the database away (portal.core.errors)."""

from __future__ import annotations

from ninja import Schema


class FieldError(Schema):
    field: str
    message: str


class Challenge(Schema):
    token: str
    question: str


class ErrorOut(Schema):
    detail: str | list[FieldError]
    challenge: Challenge | None = None


ERRORS = {400: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


def with_errors(ok: dict | type, *codes: int) -> dict:
    """`response=` of an operation: its success schema(s) plus the listed error codes (all four
    when none are given)."""
    responses = dict(ok) if isinstance(ok, dict) else {200: ok}
    for code in codes or ERRORS:
        responses[code] = ErrorOut
    return responses
