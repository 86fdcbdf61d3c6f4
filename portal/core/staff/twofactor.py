"""Two-factor authentication of staff (django-otp): a TOTP app (RFC 6238: Google/Microsoft
Authenticator, FreeOTP…) plus ten single-use recovery codes.

Required (settings.TWO_FACTOR_REQUIRED, on by default) for every account that can publish a
page or see personal data: superusers, members of a group with the "publish" page
permission, and holders of a permission an app declares sensitive through the
`portal_sensitive_permissions` hook (petitions: `feedback.view_petition`). Editors who only
write drafts sign in with their password."""

from __future__ import annotations

import base64

from django.conf import settings
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail import hooks

from . import audit

RECOVERY_CODES = 10
TOTP_NAME, RECOVERY_NAME = "ứng dụng xác thực", "mã dự phòng"


def sensitive_permissions() -> list[str]:
    return [perm for provide in hooks.get_hooks("portal_sensitive_permissions") for perm in provide()]


def needs_two_factor(user) -> bool:
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True) or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if any(user.has_perm(perm) for perm in sensitive_permissions()):
        return True
    from wagtail.models import GroupPagePermission

    return GroupPagePermission.objects.filter(group__user=user, permission__codename="publish_page").exists()


def has_second_factor(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_device(user) -> TOTPDevice:
    """The TOTP device being set up (unconfirmed), made once."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


def secret_for_typing(device: TOTPDevice) -> str:
    """The key as an app asks for it when the QR code cannot be scanned: base32, in groups."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def recovery_codes_new(user) -> list[str]:
    """Ten new single-use codes (the old ones stop working)."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def two_factor_confirm(*, user, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code it shows: the recovery codes, or None when the code is wrong."""
    if not device.verify_token("".join((code or "").split())):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()  # one app per account
    audit.record(audit.TWO_FACTOR_SET_UP, user)
    return recovery_codes_new(user)


def two_factor_reset(*, user, by=None) -> int:
    """Remove the account's second factor (a lost phone): it sets one up at its next sign-in."""
    devices = [TOTPDevice.objects.filter(user=user), StaticDevice.objects.filter(user=user)]
    removed = sum(found.count() for found in devices)
    for found in devices:
        found.delete()
    audit.record("portal.two_factor_reset", user, by=by)
    return removed


def two_factor_demo(user) -> tuple[str, list[str]]:
    """For demo accounts (seed_demo with DEBUG on): a new confirmed app key and recovery codes,
    printed so that whoever tries the demo can sign in with an app or a code."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=True)
    return secret_for_typing(device), recovery_codes_new(user)
