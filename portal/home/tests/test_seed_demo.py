from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from portal.core.models import SiteIdentity, SiteNavigation
from portal.news.models import ArticlePage, CategoryPage


@pytest.mark.django_db
def test_seed_demo_is_complete_and_idempotent(settings, client):
    settings.DEBUG = False
    # The production limits (the test settings turn the question off): the demo petitions
    # are the department's own and must not trip them.
    settings.FEEDBACK_CHALLENGE_AFTER = 3
    settings.FEEDBACK_LIMIT_PER_IP_HOUR = 2
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "mật khẩu" not in out.getvalue()  # passwords only in DEBUG
    articles = ArticlePage.objects.live()
    assert articles.count() >= 40
    assert len({a.date.year for a in articles}) >= 4
    assert CategoryPage.objects.filter(depth=3).count() >= 6
    assert CategoryPage.objects.filter(depth=4).exists()  # one nested level
    awards = articles.get(slug="hoi-nghi-dien-hinh-tien-tien-giai-doan-2020-2025")
    assert "table" in [b.block_type for b in awards.body] and awards.featured_image
    identity = SiteIdentity.objects.get()
    assert identity.parent_body == "Ủy ban nhân dân tỉnh Phú Thọ" and identity.emblem
    from wagtail.models import Site

    assert Site.objects.get(is_default_site=True).site_name == identity.site_title  # admin dashboard title
    nav = SiteNavigation.objects.get()
    assert "Lịch tiếp công dân" in [b.value["title"] for b in nav.quick_links]
    assert len(nav.site_links) >= 3
    users = get_user_model().objects.filter(username__in=["bientap", "truongban"])
    assert users.count() == 2 and not any(u.has_usable_password() for u in users)
    from portal.feedback.models import Petition, PetitionPublication

    statuses = set(Petition.objects.values_list("status", flat=True))
    assert (
        statuses == {"received", "processing", "answered", "transferred"} and PetitionPublication.objects.count() == 1
    )

    before = (ArticlePage.objects.count(), CategoryPage.objects.count())
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert (ArticlePage.objects.count(), CategoryPage.objects.count()) == before
    assert Petition.objects.count() == 4
    assert "(0 bài mới)" in out.getvalue()
    assert client.get(awards.url).status_code == 200
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_seed_demo_prints_passwords_in_debug(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("seed_demo", stdout=out)
    # three editorial accounts, an officer and a leader for petitions, an officer and the secretary
    # for awards, the S&T task manager
    assert out.getvalue().count("mật khẩu") == 8
