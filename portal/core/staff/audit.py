"""Every staff log-in, log-out, failed log-in and lock-out goes into Wagtail's audit log (the
"Lịch sử thao tác" report), on the account concerned, and into the `portal.staff` log. A
failure for a name that is no account is only logged (without the name: it may be a
mistyped password). Addresses are never written (portal.core.privacy)."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from wagtail.log_actions import log

logger = logging.getLogger("portal.staff")

LOGIN, LOGOUT, FAILED, LOCKED, TWO_FACTOR_SET_UP, TWO_FACTOR_VERIFIED, RECOVERY_USED = (
    "portal.login",
    "portal.logout",
    "portal.login_failed",
    "portal.locked_out",
    "portal.two_factor_set_up",
    "portal.two_factor_verified",
    "portal.recovery_code_used",
)


def account(username: str | None):
    if not username:
        return None
    return get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()


def record(action: str, user, *, by=None) -> None:
    """One entry of the audit log on `user`'s account (and a line in the log, by id)."""
    if user is None:
        return
    if type(user) is not get_user_model():  # request.user is a lazy wrapper Wagtail's log skips
        user = get_user_model()._default_manager.get(pk=user.pk)
    log(instance=user, action=action, user=by or user)
    logger.info("%s: account %s", action, user.pk)


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    record(LOGIN, user)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(LOGOUT, user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    user = account(credentials.get("username"))
    if user is None:
        logger.info("%s: no such account", FAILED)
        return
    log(instance=user, action=FAILED, user=None)
    logger.info("%s: account %s", FAILED, user.pk)


def locked_out(username: str | None) -> None:
    """Called by the lock-out response (axes' lock-out signal carries no account)."""
    user = account(username)
    if user is None:
        logger.warning("%s: no such account or by address only", LOCKED)
        return
    log(instance=user, action=LOCKED, user=None)
    logger.warning("%s: account %s", LOCKED, user.pk)
