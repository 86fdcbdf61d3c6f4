"""What editors read on Wagtail's own screens: no term of one area leaking into another
through a shared msgid, no Python value printed."""

from django.utils import timezone
from wagtail.models import PageLogEntry


def test_page_history_is_not_titled_with_the_petitions_term(admin_client, article):
    html = admin_client.get(f"/admin/pages/{article.pk}/history/").content.decode()
    assert "Diễn biến xử lý" not in html
    assert "Lịch sử" in html


def test_aging_pages_name_the_system_when_nobody_published(admin_client, article):
    """Pages published by setup, import or the scheduler have no user: the report showed
    "None"."""
    PageLogEntry.objects.filter(page=article).delete()
    PageLogEntry.objects.log_action(article, "wagtail.publish", user=None, timestamp=timezone.now())
    html = admin_client.get("/admin/reports/aging-pages/").content.decode()
    assert article.title in html
    assert ">None<" not in html and "None\n" not in html
    assert "hệ thống" in html


def test_the_admin_page_search_prints_no_python_none(client, article):
    """Wagtail's site-wide page search put the page type's name after the count; with no type
    chosen that printed "1-1 trên 1 None" (template overridden to say "trang")."""
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("quantri2", password="x-Secret-123"))
    import re

    html = client.get("/admin/pages/search/", {"q": article.title.split()[0]}).content.decode()
    assert re.search(r"\d+-\d+ trên \d+ trang", html) and not re.search(r"trên \d+ None", html)
