"""The two-factor pages of the admin: set up an authenticator app (QR code or typed key,
then a code to confirm; ten recovery codes shown once), and give a code after signing in."""

from __future__ import annotations

import segno
from django import forms
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice

from portal.core import ratelimit

from . import audit, twofactor

MAX_WRONG_CODES = 10  # per account and hour, then signed out (the TOTP device also slows down)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) or not target.startswith("/"):
        return reverse("wagtailadmin_home")
    return target


def _login_url():
    return reverse("wagtailadmin_login")


@never_cache
@login_required(login_url="wagtailadmin_login")
def two_factor_setup(request):
    user = request.user
    if twofactor.has_second_factor(user):
        return redirect(f"{reverse('staff_two_factor_verify')}?next={_next(request)}")
    device = twofactor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = twofactor.two_factor_confirm(user=user, device=device, code=form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            return render(request, "core/staff/recovery_codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("code", _("This code is not the one the app shows now. Check the phone's clock and try again."))
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff", title=_("QR code"))
    context = {"form": form, "qr": qr, "secret": twofactor.secret_for_typing(device), "next": _next(request)}
    return render(request, "core/staff/two_factor_setup.html", context)


@never_cache
@login_required(login_url="wagtailadmin_login")
def two_factor_verify(request):
    user = request.user
    if not twofactor.has_second_factor(user):
        return redirect(f"{reverse('staff_two_factor_setup')}?next={_next(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, "".join(form.cleaned_data["code"].split()))
        if device is not None:
            otp_login(request, device)
            recovery = isinstance(device, StaticDevice)
            audit.record(audit.RECOVERY_USED if recovery else audit.TWO_FACTOR_VERIFIED, user)
            return redirect(_next(request))
        wrong = ratelimit.hit(ratelimit.bucket("staff", "wrong-code", str(user.pk)), 3600)
        audit.record(audit.FAILED, user)
        if wrong >= MAX_WRONG_CODES:
            logout(request)
            return redirect(_login_url())
        form.add_error("code", _("This code is not valid. Type the six digits the app shows now, or a recovery code."))
    return render(request, "core/staff/two_factor_verify.html", {"form": form, "next": _next(request)})


def urlpatterns_for(prefix: str) -> list:
    from django.urls import path

    return [
        path(f"{prefix}xac-thuc-hai-lop/thiet-lap/", two_factor_setup, name="staff_two_factor_setup"),
        path(f"{prefix}xac-thuc-hai-lop/", two_factor_verify, name="staff_two_factor_verify"),
    ]
