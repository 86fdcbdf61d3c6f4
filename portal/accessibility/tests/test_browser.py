"""The "Từ viết tắt" control in Debian's chromium: opens the glossary as a dialog that filters
as one types without diacritics; without the dialog the link is a page of its own."""

import sys

import pytest

from portal.core.tests.browser import BROWSER, DESKTOP_UA

# The contexts bypass the site's Content-Security-Policy because these tests evaluate their own
# scripts in the page (Playwright's wait_for_function); news/tests/test_browser.py checks the
# site's scripts under the real policy.
pytestmark = BROWSER


def test_glossary_dialog_filters_without_diacritics(browser, live_server, published):
    context = browser.new_context(bypass_csp=True, user_agent=DESKTOP_UA, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Từ viết tắt").click()
    dialog = page.get_by_role("dialog", name="Từ viết tắt")
    dialog.wait_for()
    search = dialog.get_by_label("Tìm từ viết tắt hoặc một từ")
    assert search.evaluate("element => element === document.activeElement")
    search.fill("uy ban nhan")
    visible = dialog.locator("[data-glossary-entry]:visible dt")
    assert "UBND" in visible.all_inner_texts()
    assert "KH&CN" not in visible.all_inner_texts()
    assert "Đang hiện" in dialog.locator("[data-glossary-count]").inner_text()
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    assert page.url == live_server.url + "/"  # no navigation: the dialog came and went
    assert errors == []
    context.close()


OVERFLOW_CHECK = """() => {
  const root = document.documentElement;
  const wide = root.scrollWidth > root.clientWidth + 1;
  // Blocks that sit side by side or stacked must not overlap one another.
  const blocks = [".brand", ".today", ".a11y-bar", ".search-form", ".main-nav", "main", ".sidebar", ".site-footer"]
    .map((s) => [s, document.querySelector(s)]).filter(([, e]) => e && e.getClientRects().length);
  const overlaps = [];
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      const a = blocks[i][1].getBoundingClientRect(), b = blocks[j][1].getBoundingClientRect();
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
        overlaps.push(blocks[i][0] + " / " + blocks[j][0]);
      }
    }
  }
  // Text cut off by a box too small for it (content wider or taller than a clipping box).
  const clipped = [];
  document.querySelectorAll("body *").forEach((e) => {
    const style = getComputedStyle(e);
    if (!/hidden|clip/.test(style.overflowX + style.overflowY) || e.classList.contains("visually-hidden")) return;
    if (e.matches("input, textarea, select")) return;  // a long value scrolls inside its field
    if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) clipped.push(e.className || e.tagName);
  });
  return { wide, overlaps, clipped };
}"""


def test_font_size_and_contrast_are_remembered_and_never_break_the_layout(browser, live_server, published):
    context = browser.new_context(bypass_csp=True, user_agent=DESKTOP_UA, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/")
    root_size = "() => getComputedStyle(document.documentElement).fontSize"
    assert page.evaluate(root_size) == "16px"
    larger = page.get_by_role("button", name="Tăng cỡ chữ")
    smaller = page.get_by_role("button", name="Giảm cỡ chữ")
    assert smaller.is_disabled()
    larger.focus()  # keyboard only
    for _ in range(6):  # four steps up to 200 %, then the button stops
        if larger.is_enabled():
            page.keyboard.press("Enter")
    assert larger.is_disabled()
    assert page.evaluate(root_size) == "32px"
    assert page.locator("[data-font-size-value]").inner_text() == "200%"
    contrast = page.get_by_role("button", name="Tương phản")
    assert contrast.get_attribute("aria-pressed") == "false"
    contrast.press("Space")
    assert contrast.get_attribute("aria-pressed") == "true"
    background = "() => getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(background) == "rgb(0, 0, 0)"
    url_before = page.url

    # Another page: both choices are back before the first paint, and nothing was reloaded.
    assert url_before == live_server.url + "/"
    page.get_by_role("link", name="Hội nghị điển hình tiên tiến").first.click()
    page.wait_for_load_state("load")
    assert page.evaluate(root_size) == "32px"
    assert page.locator("html").get_attribute("data-contrast") == "high"
    assert page.get_by_role("button", name="Tương phản").get_attribute("aria-pressed") == "true"
    result = page.evaluate(OVERFLOW_CHECK)
    assert result == {"wide": False, "overlaps": [], "clipped": []}

    # A phone 320 px wide at 200 %: no sideways scrolling, nothing on top of anything else.
    phone = browser.new_context(bypass_csp=True, user_agent=DESKTOP_UA, viewport={"width": 320, "height": 640})
    phone.add_init_script("localStorage.setItem('portal:font-size', '200')")
    small = phone.new_page()
    for path in ("/", page.url.replace(live_server.url, ""), "/tu-viet-tat/", "/tim-kiem/?q=hoi+nghi"):
        small.goto(live_server.url + path)
        assert small.evaluate(root_size) == "32px"
        assert small.evaluate(OVERFLOW_CHECK) == {"wide": False, "overlaps": [], "clipped": []}, path

    # Back to normal: the reset button, and the other page agrees.
    page.get_by_role("button", name="Cỡ chữ mặc định").click()
    page.get_by_role("button", name="Tương phản").click()
    page.goto(live_server.url + "/")
    assert page.evaluate(root_size) == "16px"
    assert page.locator("html").get_attribute("data-contrast") == "normal"
    assert errors == []
    phone.close()
    context.close()


def test_system_contrast_wish_is_followed_until_the_reader_chooses(browser, live_server, published):
    context = browser.new_context(bypass_csp=True, user_agent=DESKTOP_UA, contrast="more", reduced_motion="reduce")
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("data-contrast") == "high"
    page.get_by_role("button", name="Tương phản").click()  # the reader prefers the normal look
    page.goto(live_server.url + "/tu-viet-tat/")
    assert page.locator("html").get_attribute("data-contrast") == "normal"
    # Reduced motion: no smooth scrolling or transitions anywhere.
    assert page.evaluate("() => getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    context.close()


@pytest.fixture
def recorded(transactional_db, settings, tmp_path):
    """An article recorded by a stand-in engine (a tone as long as the text) on publish."""
    from portal.accessibility.tests.factories import FAKE_TTS
    from portal.home.setup import portal_setup
    from portal.news.tests.factories import make_article, make_category

    script = tmp_path / "fake_tts.py"
    script.write_text(FAKE_TTS)
    settings.SPEECH_ENGINE, settings.SPEECH_COMMAND = "command", f"{sys.executable} {script} {{output}}"
    settings.READ_ALOUD_ON_PUBLISH = True
    category = make_category(portal_setup(), "Tin hoạt động")
    body = [("paragraph", "<p>Sở <b>KH&amp;CN</b> tổ chức hội nghị ngày 15/04/2026. Có 02 đơn vị được khen.</p>")]
    return make_article(category, "Hội nghị tổng kết", summary="Tổng kết năm 2026.", body=body)


READING = """() => {
  const h = CSS.highlights.get("read-aloud");
  return h ? [...h][0].toString() : null;
}"""


def test_player_plays_the_recording_and_highlights_each_sentence(browser, live_server, recorded):
    context = browser.new_context(bypass_csp=True, user_agent=DESKTOP_UA, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + recorded.url)
    play = page.locator("[data-ra-play]")
    assert play.inner_text().strip().endswith("Đọc bài viết")
    # The header's "Đọc bài viết" starts it too.
    page.locator(".a11y-bar").get_by_role("link", name="Đọc bài viết").click()
    page.wait_for_function(
        "() => document.querySelector('[data-read-aloud] audio') && document.querySelector('[data-read-aloud] audio').currentTime > 0.2"
    )
    assert play.get_attribute("aria-pressed") == "true" and "Tạm dừng" in play.inner_text()
    assert page.evaluate(READING) == "Hội nghị tổng kết"
    assert page.locator("h1.is-reading").count() == 1
    # The body's first sentence spans a <b>: still found and highlighted as one range.
    page.wait_for_function(
        READING.replace("return h ?", "return h && [...h][0].toString().startsWith('Sở') ?"), timeout=15000
    )
    assert page.evaluate(READING) == "Sở KH&CN tổ chức hội nghị ngày 15/04/2026."
    play.click()  # pause
    assert "Đọc tiếp" in play.inner_text()
    paused_at = page.evaluate("() => document.querySelector('[data-read-aloud] audio').currentTime")
    page.wait_for_timeout(400)
    assert page.evaluate("() => document.querySelector('[data-read-aloud] audio').currentTime") == paused_at
    page.select_option("[data-ra-speed]", "1.5")
    play.click()  # resume, faster
    assert page.evaluate("() => document.querySelector('[data-read-aloud] audio').playbackRate") == 1.5
    page.get_by_role("button", name="Dừng", exact=True).click()
    assert page.evaluate(READING) is None and page.locator(".is-reading").count() == 0
    assert "Đọc bài viết" in play.inner_text()
    assert errors == []
    context.close()


def test_player_falls_back_to_the_browser_voice_and_says_so(browser, live_server, published):
    context = browser.new_context(bypass_csp=True, user_agent=DESKTOP_UA)
    page = context.new_page()
    page.goto(live_server.url + published.url)
    page.locator("[data-ra-play]").click()
    status = page.locator("[data-ra-status]")
    status.filter(has_text="chưa sẵn sàng").wait_for()
    assert "chưa sẵn sàng" in status.inner_text()
    context.close()
