"""Security headers (issue 14.9): a strict CSP on the public site, the admin's own policy,
Permissions-Policy, the API docs from our own files, and HTTPS-only cookies and HSTS in
production."""

import json
import subprocess
import sys

from .test_production_settings import ROOT


def directives(header: str) -> dict[str, list[str]]:
    parts = [part.strip().split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def test_public_pages_allow_no_inline_script_but_the_one_hashed(client, home, article, settings):
    [allowed] = settings.INLINE_SCRIPTS.values()
    for path in ("/", article.url, "/tim-kiem/?q=hoi", "/phan-anh-kien-nghi/gui/", "/api/v1/articles"):
        response = client.get(path)
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'", allowed], path
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]
        assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_the_admin_has_its_own_policy(client, home):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("quantri", password="x-Secret-123"))
    policy = directives(client.get("/admin/")["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]  # Wagtail's inline scripts are started from data
    assert "blob:" in policy["img-src"] and policy["object-src"] == ["'none'"]


def test_api_docs_come_from_our_static_files(client):
    page = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "cdn" not in page.lower()


PROBE = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps([s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT]))"
)


def test_production_over_https_uses_host_cookies_and_hsts():
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="Xq7-vR2pL9mZ4tB8nW1cK6yH3sD0fG5jA2eU7iO9pQ4rT1wE6yN8mB3vC5xZ0a",
    )
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    session, csrf, hsts, redirect = json.loads(run.stdout.strip().splitlines()[-1])
    assert (session, csrf) == ("__Host-sessionid", "__Host-csrftoken")
    assert hsts >= 31_536_000 and redirect is True


def test_security_txt_names_a_contact_and_expires(client, home, settings):
    settings.SECURITY_CONTACT = "mailto:antoan@khcn.example.gov.vn"
    text = client.get("/.well-known/security.txt").content.decode()
    assert "Contact: mailto:antoan@khcn.example.gov.vn" in text and "Expires: 20" in text
    assert "Preferred-Languages: vi, en" in text


def test_the_inline_script_is_the_one_its_hash_allows(client, home, settings):
    """What the browser hashes is the text between the tags: it must be the file as hashed."""
    import base64
    import hashlib
    import re

    page = client.get("/").content.decode()
    head = page.split("</head>")[0]
    inline = re.findall(r"<script>(.*?)</script>", head, re.S)
    assert len(inline) == 1 and "portal:font-size" in inline[0]
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" == settings.INLINE_SCRIPTS["accessibility/a11y-init.js"]
    # No script in <head> that makes the page wait for a request.
    assert not [tag for tag in re.findall(r"<script[^>]*\bsrc=[^>]*>", head) if " defer" not in tag]
