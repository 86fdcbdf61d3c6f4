"""The public layout as people meet it, in Debian's chromium: a compact phone header whose
"Danh mục" button (a real button with aria-expanded, keyboard and screen-reader friendly)
unfolds the reading aids, the search box and the menu; the quick links and the petition counters
first on a phone's home page; the main menu on one row at 1280 px with a mark on items that have
a sub-menu; "Đọc bài viết" only where there is an article to read."""

import os

import pytest

from portal.core.tests.browser import BROWSER, DESKTOP_UA

pytestmark = BROWSER

PHONE = {"width": 375, "height": 800}


@pytest.fixture
def demo_site(transactional_db):
    from django.core.management import call_command

    call_command("seed_demo", stdout=open(os.devnull, "w"))


def _visible(page, selector):
    return page.locator(selector).first.is_visible()


def test_phone_header_is_compact_and_its_menu_button_works_by_keyboard(browser, live_server, demo_site):
    context = browser.new_context(bypass_csp=True, user_agent=DESKTOP_UA, viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/")
    header = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
    assert header < 130, header  # it was about 310 px before the first line of content
    button = page.get_by_role("button", name="Danh mục")
    assert button.get_attribute("aria-expanded") == "false"
    assert not _visible(page, "#header-search") and not _visible(page, "#main-menu")

    # Keyboard only: Tab from the skip link reaches the button (the emblem link comes first).
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-menu-button')")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert _visible(page, "#header-search") and _visible(page, "#main-menu")
    assert page.get_by_role("button", name="Tương phản").is_visible()
    page.keyboard.press("Tab")  # into the unfolded tools
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.hasAttribute('data-menu-button')")
    assert not _visible(page, "#main-menu")

    # Where a citizen looks: the quick links and the petition counters come before the news.
    quick = page.locator(".home-services .quick-links")
    counters = page.locator(".home-services .petition-counters")
    news = page.locator("#featured-title")
    assert quick.is_visible() and counters.is_visible()
    assert quick.bounding_box()["y"] < news.bounding_box()["y"]
    assert counters.bounding_box()["y"] < news.bounding_box()["y"]
    # Right under the header (a planned-maintenance notice, as in the demo, may sit above it).
    header_bottom = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().bottom")
    assert quick.bounding_box()["y"] < header_bottom + 100
    assert not _visible(page, ".sidebar .quick-links") and not _visible(page, ".sidebar .petition-counters")

    # The footer's e-mail address is not cut in the middle of a word.
    lines = page.evaluate("document.querySelector('.site-footer a[href^=\"mailto:\"]').getClientRects().length")
    assert lines == 1

    # No sideways scrolling, unfolded or not.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert errors == []
    context.close()


def test_without_javascript_the_phone_header_stays_unfolded(browser, live_server, demo_site):
    context = browser.new_context(user_agent=DESKTOP_UA, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert not _visible(page, "[data-menu-button]")
    assert _visible(page, "#header-search") and _visible(page, "#main-menu")
    context.close()


def test_desktop_menu_is_one_row_and_marks_sub_menus(browser, live_server, demo_site):
    context = browser.new_context(bypass_csp=True, user_agent=DESKTOP_UA, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/")
    tops = page.evaluate("[...document.querySelectorAll('.menu > li')].map(li => li.getBoundingClientRect().top)")
    assert len(tops) >= 7 and len(set(tops)) == 1, tops
    marks = page.evaluate(
        "[...document.querySelectorAll('.menu > li.has-children > a')].map(a => getComputedStyle(a, '::after').content)"
    )
    assert marks and all("▾" in mark for mark in marks), marks
    assert not _visible(page, "[data-menu-button]")
    # "Đọc bài viết" is offered where there is an article to read, and only there.
    assert not _visible(page, "[data-ra-shortcut]")
    page.locator(".featured-lead h3 a").click()
    page.wait_for_load_state("load")
    assert _visible(page, "[data-ra-shortcut]")
    context.close()


def test_a_printed_article_names_its_publisher_address_and_date_without_screen_controls(
    browser, live_server, demo_site, settings
):
    from portal.news.models import ArticlePage

    article = ArticlePage.objects.live().get(slug="hoi-nghi-dien-hinh-tien-tien-giai-doan-2020-2025")
    context = browser.new_context(bypass_csp=True, user_agent=DESKTOP_UA, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + article.url)
    assert _visible(page, ".read-aloud") and not _visible(page, ".print-header")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    for control in (".read-aloud", ".a11y-bar", ".site-rating", ".article-actions", "[data-menu-button]"):
        assert not _visible(page, control), control
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in page.locator(".print-header").inner_text().upper()
    source = page.locator(".print-source").inner_text()
    assert settings.WAGTAILADMIN_BASE_URL.rstrip("/") + article.url in source
    assert "In ngày " in source and page.evaluate("new Date().getFullYear()").__str__() in source
    context.close()


def test_petition_form_errors_read_full_width_on_a_phone(browser, live_server, demo_site):
    context = browser.new_context(bypass_csp=True, user_agent=DESKTOP_UA, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/phan-anh-kien-nghi/gui/")
    page.locator("form.petition-form button[type=submit]").last.click()
    page.wait_for_load_state("load")
    error = page.locator("#err_consent").bounding_box()
    label = page.locator("label[for=id_consent]").bounding_box()
    assert error["y"] >= label["y"] + label["height"] - 1  # below its label, not squeezed beside it
    assert error["width"] > 250, error
    context.close()
