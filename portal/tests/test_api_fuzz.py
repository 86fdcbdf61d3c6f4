"""A schema-driven fuzz of the API (issue 14.4): schemathesis reads our OpenAPI document and
sends every operation generated requests, valid and not, bounded in number (derandomized, so
a run is repeatable). Whatever it sends, the API never answers a server error."""

import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

EXAMPLES = 40  # per operation


def test_no_operation_answers_a_server_error(home, article, settings):
    from django.core import signals
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    settings.FEEDBACK_ATTEMPTS_PER_IP_HOUR = settings.FEEDBACK_LIMIT_PER_IP_HOUR = 100_000
    settings.FEEDBACK_LIMIT_PER_CONTACT_DAY = 100_000
    # As Django's test client does: the test's database connection must outlive each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        failures, tried, calls = fuzz_all(
            schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
        )
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    assert len(tried) >= 8, tried  # every router's operations were found
    assert calls >= 5 * len(tried), calls
    assert failures == []


def fuzz_all(schema):
    failures, tried, calls = [], [], []
    for result in schema.get_all_operations():
        operation = result.ok()
        tried.append(operation.label)

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def fuzz(case):
            response = case.call()
            calls.append(response.status_code)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query} → {response.status_code}")

        fuzz()
    return failures, tried, len(calls)
