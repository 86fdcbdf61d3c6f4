"""The admins run no inline script (issue 14.9): Wagtail's pickers, panels and choosers are
started from data by core/static/core/admin-init.js, so the admin's policy is script-src 'self'.
Fails when a Wagtail upgrade brings back an inline script on these pages."""

import re

import pytest
from django.contrib.auth import get_user_model

from .test_headers import directives

INLINE = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


def inline_scripts(html: str) -> list[str]:
    found = []
    for attrs, body in INLINE.findall(html):
        if "application/json" in attrs or "text/template" in attrs or not body.strip():
            continue
        found.append(body.strip()[:120])
    return found


@pytest.fixture
def admin_client(client, home):
    client.force_login(get_user_model().objects.create_superuser("quantri", password="x-Secret-123"))
    return client


def test_admin_pages_have_no_inline_script(admin_client, article, category):
    for path in (
        "/admin/",
        f"/admin/pages/{category.pk}/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/add/news/articlepage/{category.pk}/",
        "/admin/users/",
        "/admin/images/",
        "/admin/reports/site-history/",
        "/admin/reports/petitions/",
        "/admin/petitions/",
    ):
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert inline_scripts(response.content.decode()) == [], path
        assert directives(response["Content-Security-Policy"])["script-src"] == ["'self'"], path


def test_the_editor_starts_its_widgets_from_data(admin_client, article):
    html = admin_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert 'data-portal-init="chooser" data-constructor="ImageChooser"' in html
    assert 'data-portal-init="datetime"' in html and 'data-portal-init="InlinePanel"' in html
    assert "core/admin-init.js" in html
