"""The editors' screens tried in Debian's chromium, signed in as an editor."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from portal.core.tests.browser import BROWSER, signed_in_page

pytestmark = BROWSER


@pytest.fixture
def editor_page(browser, live_server, transactional_db):
    """A chromium page signed in as an editor."""
    from portal.core import roles
    from portal.core.tests.factories import make_user
    from portal.home.setup import portal_setup
    from portal.news.tests.factories import make_category

    home = portal_setup()
    make_category(home, "Tin hoạt động")
    context, page = signed_in_page(browser, live_server, make_user("bientap", roles.EDITORS))
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


# What editors reported reading in English (issue 16, "Admin in Vietnamese"): each must be gone
# from the dashboard, the article editor (text, titles, tooltips, aria labels, placeholders),
# the table editor's menu, the help menu and a file field.
ENGLISH = [
    "minutes",
    "hours ago",
    "Collapse all",
    "Expand all",
    "A comma-separated list of tags",
    "Search options",
    "Insert a block",
    "Move up",
    "Move down",
    "Drag",
    "Duplicate",
    "Toggle section",
    "Toggle sidebar",
    "Toggle side panel",
    "Insert row above",
    "Insert row below",
    "Insert column",
    "Remove row",
    "Remove column",
    "Undo",
    "Redo",
    "Write something",
    "new items in this menu",
    "new item in this menu",
    "(New)",
    "Editor Guide",
    "What's new in Wagtail",
    "Snippet",
    "Thực hiện Duyệt bài viết",
    "Choose File",
    "No file chosen",
    "Actions",
]

TEXTS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (p && !p.closest("script, style, template, noscript") && p.getClientRects().length) out.push(n.textContent);
  }
  for (const e of document.querySelectorAll("[title], [aria-label], [placeholder], [data-w-tooltip-content-value]")) {
    for (const name of ["title", "aria-label", "placeholder", "data-w-tooltip-content-value"]) {
      if (e.getAttribute(name)) out.push(e.getAttribute(name));
    }
  }
  return out.join("\\n");
}"""


def _english(page) -> list[str]:
    text = page.evaluate(TEXTS)
    return [phrase for phrase in ENGLISH if phrase in text]


def test_the_editors_screens_have_no_english(editor_page, live_server):
    from portal.news.models import CategoryPage
    from portal.news.tests.factories import make_article

    category = CategoryPage.objects.get(title="Tin hoạt động")
    table = {"data": [["Năm", "Số đề tài"], ["2025", "12"]], "first_row_is_table_header": True}
    article = make_article(category, "Kết quả nghiệm thu năm 2025", body=[("table", table)])
    article.tags.add("nghiệm thu")
    article.save_revision().publish()
    page = editor_page

    page.goto(f"{live_server.url}/admin/")
    page.wait_for_load_state("networkidle")
    assert _english(page) == [], "dashboard"
    # The help menu: the portal's guide in Vietnamese instead of Wagtail's English one.
    # (The sidebar is drawn by script after the page loads: on a busy machine the first click
    # can land before it listens, so the menu gets a second click when it has not opened.)
    guide = page.locator(".sidebar-menu-item__link", has_text="Hướng dẫn biên tập")
    for _attempt in range(2):
        page.get_by_role("button", name="Trợ giúp").click()
        try:
            guide.wait_for(state="visible", timeout=5_000)
            break
        except PlaywrightTimeout:
            continue
    assert guide.is_visible()
    assert _english(page) == [], "help menu"
    guide.click()
    page.wait_for_load_state("load")
    assert "Gửi duyệt" in page.locator("main").inner_text()

    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    page.wait_for_selector(".handsontable td")
    assert _english(page) == [], "article editor"
    page.locator(".handsontable td").first.click(button="right")
    menu = page.locator(".htContextMenu")
    menu.wait_for(state="visible")
    assert "Chèn hàng phía trên" in menu.inner_text()
    assert _english(page) == [], "table editor menu"
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Thao tác khác").first.click()
    assert page.get_by_role("button", name="Gửi duyệt").count() >= 1
    assert _english(page) == [], "action menu"

    page.goto(f"{live_server.url}/admin/documents/add/")
    assert page.locator(".portal-file__button").inner_text() == "Chọn tệp"
    assert page.locator(".portal-file__names").inner_text() == "Chưa chọn tệp nào"
    assert _english(page) == [], "file field"
    assert page.errors == []
