"""Menu settings: links that lead nowhere are saved but shown, in the settings form and in the
report Báo cáo → Liên kết hỏng trong menu (issue 16, item 17)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from portal.core.models import SiteNavigation
from portal.core.navigation import broken_links
from portal.news.tests.factories import make_article


def _link(title, url="", page=None):
    return ("link", {"title": title, "page": page, "link_url": url})


@pytest.fixture
def nav(home, category):
    site = Site.objects.get(is_default_site=True)
    hidden = make_article(category, "Bài chưa xuất bản")
    hidden.unpublish()
    nav = SiteNavigation.for_site(site)
    nav.main_menu = [
        (
            "item",
            {
                "title": "Tin hoạt động",
                "page": category,
                "link_url": "",
                "children": [{"title": "Trang không có", "page": None, "link_url": "/tin-hoat-dong/khong-co/"}],
            },
        )
    ]
    nav.quick_links = [
        _link("Tra cứu PAKN", "/phan-anh-kien-nghi/tra-cuu/"),
        _link("Lịch tiếp công dân", "/lich-tiep-cong-dan/"),
        _link("Tìm kiếm có tham số", "/tim-kiem/?q=thi+dua"),
        _link("Bài chưa xuất bản", page=hidden),
        _link("Trang cũ đã chuyển", "/trang-cu/"),
        _link("Chuyên mục, có neo", category.url + "#moi"),
    ]
    nav.site_links = [_link("Cổng Chính phủ", "https://chinhphu.vn"), _link("Không có", "/admin-khong-co/x")]
    nav.save()
    Redirect.objects.create(old_path="/trang-cu", site=site, redirect_page=category)
    return nav


def test_only_links_that_lead_nowhere_are_reported(nav):
    found = [(link.section, link.title, link.reason) for link in broken_links(SiteNavigation.objects.get())]
    assert found == [
        ("Menu con của “Tin hoạt động”", "Trang không có", "Không có trang đã xuất bản nào của cổng có địa chỉ này."),
        ("Liên kết nhanh", "Lịch tiếp công dân", "Không có trang đã xuất bản nào của cổng có địa chỉ này."),
        ("Liên kết nhanh", "Bài chưa xuất bản", "Trang đã chọn chưa được xuất bản."),
        ("Liên kết trang", "Không có", "Không có trang nào của cổng có địa chỉ này."),  # no route at all
    ]


def test_a_deleted_page_is_reported(nav, category):
    category.get_children().delete()
    category.delete()
    reasons = {link.title: link.reason for link in broken_links(SiteNavigation.objects.get())}
    assert reasons["Tin hoạt động"] == "Trang đã chọn không còn nữa."


@pytest.fixture
def admin_client(client, home):
    client.force_login(get_user_model().objects.create_superuser("quantri", password="x-Secret-123"))
    return client


def test_the_settings_form_warns_and_the_report_lists_them(nav, admin_client):
    site = Site.objects.get(is_default_site=True)
    form = admin_client.get(f"/admin/settings/core/sitenavigation/{site.pk}/").content.decode()
    assert "4 liên kết không dẫn tới trang nào của cổng" in form and "/lich-tiep-cong-dan/" in form
    report = admin_client.get("/admin/reports/broken-links/")
    assert report.status_code == 200
    html = report.content.decode()
    assert "Liên kết hỏng trong menu" in html and "Trang đã chọn chưa được xuất bản." in html
    assert "/tra-cuu/" not in html.split("<tbody>")[1]


def test_the_report_needs_the_menu_permission(nav, client, home):
    from django.contrib.auth.models import Group

    editor = get_user_model().objects.create_user("bientap", password="x-Secret-123")
    editor.groups.add(Group.objects.get(name="Biên tập viên"))
    client.force_login(editor)
    assert client.get("/admin/reports/broken-links/").status_code in (302, 403)


def test_no_warning_when_every_link_works(home, admin_client):
    site = Site.objects.get(is_default_site=True)
    nav = SiteNavigation.for_site(site)
    nav.quick_links = [_link("Tra cứu PAKN", "/phan-anh-kien-nghi/tra-cuu/")]
    nav.save()
    form = admin_client.get(f"/admin/settings/core/sitenavigation/{site.pk}/").content.decode()
    assert "không dẫn tới trang nào" not in form
    assert "Mọi liên kết đều dẫn tới một trang." in admin_client.get("/admin/reports/broken-links/").content.decode()
