"""What a locked-out staff member sees (django-axes' AXES_LOCKOUT_CALLABLE): a page in
Vietnamese, 429, saying how long to wait, on the admin's own login layout."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

from . import audit


def lockout_response(request, response=None, credentials=None, *args, **kwargs):
    username = (credentials or {}).get("username") or request.POST.get("username")
    audit.locked_out(username)
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "core/staff/locked_out.html", {"minutes": minutes}, status=429)


def purge_attempts() -> int:
    """Failed sign-in attempts (with the address they came from) are needed only while they
    can still pause an account: kept one day past the pause, then deleted (Luật Bảo vệ dữ liệu
    cá nhân 91/2025/QH15, Điều 3: kept only as long as the purpose needs). Wagtail's audit log keeps the failures, without addresses."""
    import datetime as dt

    from axes.models import AccessAttempt
    from django.utils import timezone

    cutoff = timezone.now() - settings.AXES_COOLOFF_TIME - dt.timedelta(days=1)
    return AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()[0]
