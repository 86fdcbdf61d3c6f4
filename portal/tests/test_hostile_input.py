"""Hostile input on every public page, form and API parameter (issue 14.4): whatever a
visitor sends, the answer is never a server error. The corpus holds what the attack sent:
markup, quotes, NUL and control characters, invalid UTF-8, lone surrogates, very long
values, numbers far past 64 bits, negative and zero values, dates of the year 1 and 9999,
and values of the wrong JSON type."""

import json
from urllib.parse import quote

import pytest

from portal.feedback.tests.factories import GOOD

VALUES = [
    "",
    " ",
    "'\"><script>alert(1)</script>",
    "{{7*7}}",
    "' OR 1=1 --",
    "\x00",
    "\x1b[2J",
    "ñ khóa",
    "9" * 40,
    "-1",
    "0",
    "1e309",
    "NaN",
    "0001-01-01",
    "9999-12-31",
    "31/02/2026",
    "../../etc/passwd",
    "A" * 5000,
    "%",
]
RAW = ["%ED%A0%80", "%FF%FE", "%C0%AF"]  # a lone surrogate and invalid UTF-8, as sent on the wire

PAGES = {
    "/": ["page"],
    "/tim-kiem/": ["q", "type", "category", "sort", "page", "from", "to"],
    "/hoi-dap/": ["q", "linh-vuc", "nam", "page"],
    "/tu-viet-tat/": ["q"],
    "/rss/": ["q"],
    "/api/v1/articles": ["q", "category", "page", "page_size"],
    "/api/v1/feedback/questions": ["q", "field", "year", "page", "page_size"],
    "/api/v1/feedback/stats": ["x"],
    "/api/v1/visits/hit.gif": ["page", "referrer"],
}
POSTS = {
    "/phan-anh-kien-nghi/gui/": ["full_name", "phone", "email", "title", "content", "field", "token", "consent"],
    "/phan-anh-kien-nghi/tra-cuu/": ["code", "key", "contact"],
    "/phan-anh-kien-nghi/danh-gia/": ["rate_token", "score", "comment"],
    "/danh-gia-hai-long/": ["score", "next", "comment"],
}
JSON_POSTS = {
    "/api/v1/feedback": {**GOOD},
    "/api/v1/visits/hit": {"page": 1, "referrer": ""},
}
JSON_VALUES = [None, True, 1.5, -1, 2**70, [], {}, [1, [2, [3]]], "x" * 20_000, "\ud800", {"$gt": ""}]


@pytest.fixture
def site(home, article, client):
    return client


def no_server_error(response, what):
    assert response.status_code < 500, f"{what}: {response.status_code}"


@pytest.mark.parametrize("path", sorted(PAGES))
def test_query_parameters(site, path, article):
    no_server_error(site.get(path), path)
    for name in PAGES[path] + ["unknown"]:
        for value in VALUES:
            no_server_error(site.get(path, {name: value}), f"{path}?{name}={value[:30]!r}")
        for raw in RAW:
            no_server_error(site.get(f"{path}?{name}={raw}"), f"{path}?{name}={raw}")
    no_server_error(site.get(article.url, {"page": "9" * 40}), article.url)


@pytest.mark.parametrize("path", sorted(POSTS))
def test_form_fields(site, path):
    for name in POSTS[path]:
        for value in VALUES:
            no_server_error(site.post(path, {name: value}), f"POST {path} {name}={value[:30]!r}")


@pytest.mark.parametrize("path", sorted(JSON_POSTS))
def test_json_bodies(site, path, settings):
    settings.FEEDBACK_ATTEMPTS_PER_IP_HOUR = settings.FEEDBACK_LIMIT_PER_IP_HOUR = 100_000
    settings.FEEDBACK_CHALLENGE_AFTER = 0
    good = JSON_POSTS[path]
    for name in good:
        for value in JSON_VALUES:
            body = json.dumps({**good, name: value})
            no_server_error(site.post(path, body, content_type="application/json"), f"{path} {name}={value!r:.30}")
    for body in [
        b"",
        b"null",
        b"[]",
        b"\xff\xfe",
        b'{"title": "\\ud800"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        b'{"page": 99999999999999999999999}',
        b'{"page": 1e400}',
    ]:
        no_server_error(site.post(path, body, content_type="application/json"), f"{path} {body[:20]!r}")


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/articles/{2**63}",
        f"/api/v1/articles/{2**64 + 1}",
        "/api/v1/articles/-1",
        "/api/v1/articles/0",
        f"/api/v1/read-aloud/articles/{2**63}",
        f"/doc-bai/{2**63}.mp3",
        f"/api/v1/articles/{2**63}/view.gif",
        "/phan-anh-kien-nghi/tep/" + quote("' OR 1=1") + "/",
        "/hoi-dap/" + "a" * 300 + "/",
        f"/api/v1/feedback/PAKN-2026-000001?key={quote('khóa')}",
    ],
)
def test_path_values(site, path):
    no_server_error(site.get(path), path)


def test_view_counter_with_an_id_past_64_bits(site):
    for path in (f"/api/v1/articles/{2**63}/view", f"/api/v1/articles/{10**30}/view"):
        response = site.post(path, "{}", content_type="application/json")
        assert response.status_code in (404, 422), path
