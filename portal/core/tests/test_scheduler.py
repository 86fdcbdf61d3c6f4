"""Scheduled publishing through run_scheduler (Wagtail's publish_scheduled)."""

import datetime as dt
import time

from django.core.management import call_command
from django.utils import timezone

from portal.news.models import ArticlePage
from portal.news.tests.factories import make_article


def test_scheduled_article_goes_live(category, client):
    article = make_article(category, "Bài hẹn giờ", publish=False)
    revision = article.get_latest_revision_as_object()
    revision.go_live_at = timezone.now() + dt.timedelta(seconds=2)
    revision.save_revision().publish()  # a future go-live time only schedules the revision
    assert not ArticlePage.objects.get(pk=article.pk).live
    call_command("run_scheduler", "--once")
    assert not ArticlePage.objects.get(pk=article.pk).live  # not due yet

    time.sleep(2.2)
    call_command("run_scheduler", "--once")
    assert ArticlePage.objects.get(pk=article.pk).live
    assert "Bài hẹn giờ" in client.get(category.url).content.decode()
