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
