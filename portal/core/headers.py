"""Security headers of every response.

- Content-Security-Policy (django-csp): the public site runs no inline script at all, so its
  policy allows scripts from the site only, no 'unsafe-inline' and no 'unsafe-eval'; frames
  only from the hosts editors may embed (IFRAME_HOSTS). Wagtail's admin and Django's admin get
  their own policy (ADMIN_CONTENT_SECURITY_POLICY in settings): no inline script either, as
  Wagtail's are started from data (portal/core/adminscripts.py, core/admin-init.js); inline
  styles, blob: images and self-framing allowed. Both in docs/security.md.
- Permissions-Policy: no camera, microphone, geolocation, payment, USB… for any page; the
  read-aloud player needs none of them either.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware
from django.conf import settings

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)


def admin_prefixes() -> tuple[str, ...]:
    return ("/" + settings.ADMIN_PATH, "/" + settings.DJANGO_ADMIN_PATH)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under the admin paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(admin_prefixes()):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
