"""Keyed hashes, secret comparison and the log filter (privacy.py)."""

import logging

import pytest
from django.test import override_settings

from portal.core import privacy


def test_keyed_hashes_depend_on_purpose_and_secret():
    a = privacy.keyed_hash("ip", "203.0.113.9")
    assert a == privacy.keyed_hash("ip", "203.0.113.9") and len(a) == 32
    assert a != privacy.keyed_hash("contact", "203.0.113.9")
    with override_settings(SECRET_KEY="another-secret"):
        assert a != privacy.keyed_hash("ip", "203.0.113.9")
    assert "203.0.113.9" not in a


def test_secrets_compare_whatever_a_citizen_types():
    assert privacy.same_secret("ABCDEF2345", "ABCDEF2345")
    assert not privacy.same_secret("ABCDEF2345", "ÂBCDEF2345")  # no TypeError on non-ASCII
    assert not privacy.same_secret("ABCDEF2345", "\ud800")  # nor on a lone surrogate


@pytest.mark.parametrize(
    "message",
    [
        "petition from binh@example.vn",
        "call 0912 345 678 back",
        "GET /api/v1/feedback/PAKN-2026-000001?key=ABCDEF2345 200",
        "lookup +84912345678",
    ],
)
def test_the_log_filter_blanks_personal_data(message):
    record = logging.LogRecord("portal", logging.INFO, __file__, 1, "%s", (message,), None)
    privacy.RedactingFilter().filter(record)
    text = record.getMessage()
    assert "example.vn" not in text and "345" not in text and "ABCDEF2345" not in text and "[…]" in text


def test_the_log_filter_leaves_codes_and_dates_alone():
    record = logging.LogRecord(
        "portal", logging.INFO, __file__, 1, "petition %s on %s", ("PAKN-2026-000012", "02/12/2026"), None
    )
    privacy.RedactingFilter().filter(record)
    assert record.getMessage() == "petition PAKN-2026-000012 on 02/12/2026"
