"""Tracking codes and the proof of a right to see a record (tracking.py)."""

from portal.core import tracking
from portal.core.models import YearlySequence


def test_codes_count_per_prefix_and_year(db):
    assert tracking.next_code("PAKN", 2026) == "PAKN-2026-000001"
    assert tracking.next_code("PAKN", 2026) == "PAKN-2026-000002"
    assert tracking.next_code("TCTT", 2026) == "TCTT-2026-000001"
    assert tracking.next_code("PAKN", 2027) == "PAKN-2027-000001"
    assert YearlySequence.objects.get(name="PAKN", year=2026).last == 2


def test_keys_and_contacts_prove_the_right_to_see_a_record():
    salt = tracking.new_salt()
    key = tracking.secret_key("PAKN-2026-000001", salt)
    record = {"code": "PAKN-2026-000001", "salt": salt, "email": "mai@example.vn", "phone": "0912345678"}
    assert len(key) == tracking.KEY_LENGTH and key.isalnum()
    assert tracking.matches(**record, key=key.lower()[:5] + " " + key.lower()[5:])
    assert tracking.matches(**record, contact="MAI@example.vn")
    assert tracking.matches(**record, contact="0912 345 678")
    assert not tracking.matches(**record, key="WRONGKEY22")
    assert not tracking.matches(**record, contact="0912 345 679")
    assert not tracking.matches(**record, key="khóa-sai-ấy")
    assert not tracking.matches(**{**record, "phone": ""}, contact="")
    assert key != tracking.secret_key("PAKN-2026-000002", salt)


def test_keys_given_before_a_secret_rotation_keep_working_from_the_fallbacks(settings):
    """Rotating SECRET_KEY (docs/huong-dan-van-hanh.md) must not lock citizens out of their
    petitions: the old secret goes to SECRET_KEY_FALLBACKS, and keys made with it still match
    until it is removed from there."""
    salt = tracking.new_salt()
    record = {"code": "PAKN-2026-000001", "salt": salt, "email": "", "phone": ""}
    old_key = tracking.secret_key(record["code"], salt)
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-secret-" * 5, [settings.SECRET_KEY]
    assert tracking.secret_key(record["code"], salt) != old_key  # new keys come from the new secret
    assert tracking.matches(**record, key=old_key)
    assert tracking.matches(**record, key=tracking.secret_key(record["code"], salt))
    settings.SECRET_KEY_FALLBACKS = []
    assert not tracking.matches(**record, key=old_key)
