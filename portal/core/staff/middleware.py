"""Staff sessions in the admin: the second factor before anything else, and an idle timeout."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from ..headers import admin_prefixes
from . import twofactor

LAST_SEEN = "portal.staff.last_seen"


def _open_paths() -> tuple[str, ...]:
    """Admin pages reachable before the second factor: signing in and out, password reset,
    the two-factor pages themselves, and the admin's translations for its scripts."""
    return (
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        "/" + settings.ADMIN_PATH + "password_reset/",
        reverse("staff_two_factor_setup"),
        reverse("staff_two_factor_verify"),
        reverse("admin:login"),
        reverse("admin:logout"),
        "/" + settings.ADMIN_PATH + "jsi18n/",
        "/" + settings.ADMIN_PATH + "sprite/",  # the icons, fetched by the sign-in pages' scripts
    )


class StaffSessionMiddleware:
    """After django_otp.middleware.OTPMiddleware.

    - Idle timeout (settings.STAFF_IDLE_MINUTES, 30): a staff session not used for that long is
      signed out on its next request, which then goes to the sign-in page with a message.
    - Second factor: an account that needs one (twofactor.needs_two_factor) and has not given
      it in this session reaches only the open paths; everything else in the admin redirects
      to the verification page, or to the set-up page when it has no device yet."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # A visitor without a session: reading request.user would touch the session and add
            # "Vary: Cookie", splitting the anonymous page cache by every cookie a page sets.
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            idle = self._idle(request)
            if idle is not None:
                return idle
            path = request.path_info
            if path.startswith(admin_prefixes()) and not path.startswith(_open_paths()):
                if not user.is_verified() and twofactor.needs_two_factor(user):
                    if request.method != "GET" or "text/html" not in request.headers.get("Accept", "text/html"):
                        return HttpResponseForbidden(_("Two-step sign-in is needed first."))
                    name = "staff_two_factor_verify" if twofactor.has_second_factor(user) else "staff_two_factor_setup"
                    return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _idle(self, request):
        limit = settings.STAFF_IDLE_MINUTES * 60
        now = int(time.time())
        last = request.session.get(LAST_SEEN)
        if limit and last is not None and now - last > limit:
            logout(request)
            messages.info(request, _("You were signed out after %(n)s minutes without activity.") % {"n": limit // 60})
            return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.get_full_path()})}")
        if last is None or now - last > 30:  # write the session at most twice a minute
            request.session[LAST_SEEN] = now
        return None
