"""Request keys (idempotency.py): bound to the client and the content, expiring, purged."""

import datetime as dt
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.core import idempotency
from portal.core.models import IdempotencyKey

pytestmark = pytest.mark.django_db
ONE = idempotency.request_hash({"title": "Đề nghị"}, [("a.pdf", b"%PDF-1.4")])


def test_a_key_replays_only_for_its_client_and_content():
    idempotency.remember(scope="t", client="198.51.100.1", key="k-1", content_hash=ONE, target="7")
    assert idempotency.replayed(scope="t", client="198.51.100.1", key="k-1", content_hash=ONE) == "7"
    assert idempotency.replayed(scope="t", client="198.51.100.2", key="k-1", content_hash=ONE) is None
    assert idempotency.replayed(scope="other", client="198.51.100.1", key="k-1", content_hash=ONE) is None
    with pytest.raises(idempotency.IdempotencyMismatch):
        idempotency.replayed(scope="t", client="198.51.100.1", key="k-1", content_hash=idempotency.request_hash({}))
    stored = IdempotencyKey.objects.get()
    assert "198.51.100.1" not in stored.key_hash and "k-1" not in stored.key_hash


def test_the_content_hash_covers_fields_and_files():
    assert ONE == idempotency.request_hash({"title": "Đề nghị"}, [("a.pdf", b"%PDF-1.4")])
    assert ONE != idempotency.request_hash({"title": "Đề nghị"}, [("a.pdf", b"%PDF-1.5")])
    assert ONE != idempotency.request_hash({"title": "Đề nghị"}, [("b.pdf", b"%PDF-1.4")])
    assert ONE != idempotency.request_hash({"title": "Đề nghi"}, [("a.pdf", b"%PDF-1.4")])


@pytest.mark.parametrize("key", ["", " ", "khóa", "a\nb", "x" * 256, "\ud800"])
def test_unusable_keys_deduplicate_nothing(key):
    assert idempotency.usable(key) == ""
    idempotency.remember(scope="t", client="c", key=key, content_hash=ONE, target="1")
    assert idempotency.replayed(scope="t", client="c", key=key, content_hash=ONE) is None
    assert not IdempotencyKey.objects.exists()


def test_keys_expire_and_are_purged(settings):
    idempotency.remember(scope="t", client="c", key="k", content_hash=ONE, target="1")
    later = timezone.now() + dt.timedelta(hours=settings.IDEMPOTENCY_KEY_HOURS, seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert idempotency.replayed(scope="t", client="c", key="k", content_hash=ONE) is None
        idempotency.remember(scope="t", client="c", key="k", content_hash=ONE, target="2")  # takes its place
        assert idempotency.replayed(scope="t", client="c", key="k", content_hash=ONE) == "2"
    idempotency.remember(scope="t", client="c", key="old", content_hash=ONE, target="3")
    IdempotencyKey.objects.filter(target="3").update(created_at=timezone.now() - dt.timedelta(days=2))
    call_command("purge_expired", verbosity=0)
    assert list(IdempotencyKey.objects.values_list("target", flat=True)) == ["2"]


def test_form_tokens_are_signed_and_expire(settings):
    token = idempotency.form_token()
    assert idempotency.form_token_valid(token)
    assert not idempotency.form_token_valid("1042") and not idempotency.form_token_valid("")
    later = timezone.now() + dt.timedelta(hours=settings.IDEMPOTENCY_KEY_HOURS, seconds=5)
    with mock.patch("time.time", return_value=later.timestamp()):
        assert not idempotency.form_token_valid(token)
