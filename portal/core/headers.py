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

from dataclasses import asdict

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

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


# What a view may set on its response to change its policy (django-csp's decorators).
PER_VIEW = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")
_built: dict[tuple[bool, bool], str] = {}
_excluding: list[bool] = []  # whether the settings exclude paths from the policy, read once


@receiver(setting_changed)
def _forget_policies(**kwargs):
    _built.clear()
    _excluding.clear()


def _excludes_paths() -> bool:
    if not _excluding:
        _excluding.append(
            any(
                (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
                for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
            )
        )
    return _excluding[0]


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under the admin paths.

    django-csp builds the policy string from the settings for every response (a fifth of the
    time of a page-cache hit). Without a nonce, a per-view policy or excluded paths, the string
    depends only on whether the path is the admin's: built once per process (and again when a
    test changes the settings); anything else goes the library's own way."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(admin_prefixes()):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in PER_VIEW)
            or (settings.DEBUG and response.status_code in (404, 500))
            or _excludes_paths()
        ):
            return super().process_response(request, response)
        admin = request.path_info.startswith(admin_prefixes())
        for report_only, header, exempt in (
            (False, HEADER, "_csp_exempt"),
            (True, HEADER_REPORT_ONLY, "_csp_exempt_ro"),
        ):
            key = (admin, report_only)
            if key not in _built:
                parts = self.get_policy_parts(request, response, report_only)
                _built[key] = build_policy(**asdict(parts), report_only=report_only)
            if _built[key] and header not in response and not getattr(response, exempt, False):
                response[header] = _built[key]
        # As the library does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
