"""A reader in Debian's chromium (Playwright): home page, an article, the counter goes up."""

from portal.core.tests.browser import BROWSER, DESKTOP_UA

pytestmark = BROWSER


def test_home_then_article_counter_goes_up(browser, live_server, published):
    """Under the site's real Content-Security-Policy (no bypass): its own scripts run, nothing is
    refused, nothing is fetched from another host."""
    from playwright.sync_api import expect

    from portal.news.selectors import article_view_count

    third_party, refused = [], []
    context = browser.new_context(user_agent=DESKTOP_UA, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("request", lambda r: None if r.url.startswith(live_server.url) else third_party.append(r.url))
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)

    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.get_by_role("link", name="Hội nghị điển hình tiên tiến").first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Hội nghị điển hình tiên tiến"
    counter = page.locator("[data-view-count]")
    expect(counter).to_have_text("1")  # set by the page's own beacon script
    from portal.visits.services import visits_flush

    visits_flush()  # the visit pipeline stores the article's views at its flush
    assert article_view_count(article_id=published.pk) == 1

    # A second reader gets the cached HTML (count 0 inside it) but the beacon counts and corrects it.
    second = browser.new_context(user_agent=DESKTOP_UA).new_page()
    response = second.goto(live_server.url + published.url)
    assert response.headers.get("x-page-cache") == "hit"
    expect(second.locator("[data-view-count]")).to_have_text("2")
    visits_flush()
    assert article_view_count(article_id=published.pk) == 2
    assert "Bài viết khác" in page.content()
    assert third_party == [] and refused == []
    context.close()
    second.context.close()


def test_narrow_screen_has_no_horizontal_scroll(browser, live_server, published):
    context = browser.new_context(user_agent=DESKTOP_UA, viewport={"width": 320, "height": 640}, bypass_csp=True)
    page = context.new_page()
    for path in ("/", published.url):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")  # the view beacon has been answered
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()


def test_search_without_diacritics_and_open_a_result(browser, live_server, published):
    page = browser.new_context(user_agent=DESKTOP_UA, bypass_csp=True).new_page()
    page.goto(live_server.url + "/")
    box = page.locator("header input[name=q]")
    box.fill("hoi nghi dien hinh")
    box.press("Enter")
    page.wait_for_url("**/tim-kiem/**")
    result = page.locator(".search-results a", has_text="Hội nghị điển hình tiên tiến").first
    assert result.locator("mark").count() >= 1  # the matched words are highlighted
    result.click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "Hội nghị điển hình tiên tiến"
    page.context.close()
