"""The editors' screens tried in Debian's chromium, signed in as an editor."""

import pytest

from portal.core.tests.browser import BROWSER, DESKTOP_UA

pytestmark = BROWSER


@pytest.fixture
def editor_page(browser, live_server, transactional_db, settings):
    """A chromium page signed in as an editor (the session cookie of a Django test client)."""
    from django.test import Client

    from portal.core import roles
    from portal.core.tests.factories import make_user
    from portal.home.setup import portal_setup
    from portal.news.tests.factories import make_category

    home = portal_setup()
    make_category(home, "Tin hoạt động")
    client = Client()
    client.force_login(make_user("bientap", roles.EDITORS))
    context = browser.new_context(user_agent=DESKTOP_UA, viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def test_the_slug_of_a_new_article_is_folded_from_its_vietnamese_title(editor_page, live_server):
    from portal.news.models import CategoryPage

    category = CategoryPage.objects.get(title="Tin hoạt động")
    page = editor_page
    page.goto(f"{live_server.url}/admin/pages/add/news/articlepage/{category.pk}/")
    page.fill("#id_title", "Đổi mới sáng tạo: Hội nghị ứng dụng đường truyền")
    page.locator("#id_title").blur()
    page.wait_for_function("() => document.getElementById('id_slug').value !== ''")
    assert page.input_value("#id_slug") == "doi-moi-sang-tao-hoi-nghi-ung-dung-duong-truyen"
    assert page.errors == []
