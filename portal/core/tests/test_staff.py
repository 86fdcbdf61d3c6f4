"""Staff sign-in (issue 14.6): password rules, throttling and lock-out per account and per
address, two-step sign-in for accounts that publish or see personal data, the idle timeout,
and every sign-in, failure and lock-out in the audit log."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from portal.core import roles
from portal.core.staff.middleware import LAST_SEEN

from .factories import make_user

PASSWORD = "Tram-gio-bac-7"


@pytest.mark.parametrize(
    "weak", ["Sokhcn2026", "Sokhcn2026!@#", "matkhau@12345", "Anhyeuem12345", "123456789012", "quantrivien2026"]
)
def test_weak_passwords_are_refused(weak, db):
    with pytest.raises(ValidationError):
        validate_password(weak)


def test_a_good_password_passes(db):
    validate_password(PASSWORD)


def sign_in(client, username, password=PASSWORD, ip="198.51.100.7", path="/admin/login/"):
    return client.post(path, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=ip)


@pytest.fixture
def approver(home):
    user = make_user("truongban", roles.APPROVERS)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def editor(home):
    user = make_user("bientap", roles.EDITORS)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_repeated_failures_lock_the_account_then_the_right_password_waits(client, editor):
    answers = [sign_in(client, "bientap", "sai-mat-khau").status_code for _ in range(5)]
    assert answers == [200] * 4 + [429]  # the fifth failure pauses the account
    locked = sign_in(client, "bientap")  # the right password, but too late
    assert locked.status_code == 429 and "tạm dừng" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # From another address too: the account itself is paused.
    assert sign_in(client, "bientap", ip="203.0.113.9").status_code == 429
    actions = list(ModelLogEntry.objects.for_instance(editor).values_list("action", flat=True))
    assert actions.count("portal.login_failed") >= 5 and "portal.locked_out" in actions


def test_one_address_guessing_many_accounts_is_paused(client, home):
    for n in range(5):
        sign_in(client, f"khongco{n}", "sai-mat-khau", ip="192.0.2.50")
    assert sign_in(client, "ai-do", "sai", ip="192.0.2.50").status_code == 429


def test_the_django_admin_login_is_throttled_too_and_not_a_404(client, editor):
    assert client.get("/django-admin/", follow=True).status_code == 200
    for _ in range(5):
        sign_in(client, "bientap", "sai", path="/django-admin/login/")
    assert sign_in(client, "bientap", path="/django-admin/login/").status_code == 429


def test_a_sign_in_is_in_the_audit_log(client, editor):
    assert sign_in(client, "bientap").status_code == 302
    assert ModelLogEntry.objects.for_instance(editor).filter(action="portal.login").exists()


def code_of(device):
    return TOTP(device.bin_key, device.step, device.t0, device.digits).token()


def test_publishers_set_up_and_give_the_second_step(client, approver, settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 0  # no waiting between tries here
    assert sign_in(client, "truongban").status_code == 302
    first = client.get("/admin/pages/")
    assert first.status_code == 302 and "/admin/xac-thuc-hai-lop/thiet-lap/" in first["Location"]
    setup = client.get(first["Location"])
    assert setup.status_code == 200 and "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=approver, confirmed=False)
    wrong = client.post("/admin/xac-thuc-hai-lop/thiet-lap/", {"code": "000000"})
    assert "không đúng" in wrong.content.decode()
    done = client.post("/admin/xac-thuc-hai-lop/thiet-lap/", {"code": code_of(device)})
    codes = list(done.context["codes"])
    assert len(codes) == 10 and codes[0] in done.content.decode()
    assert client.get("/admin/").status_code == 200
    # Next session: the code is asked after the password; a recovery code works once.
    client.logout()
    sign_in(client, "truongban")
    assert "/admin/xac-thuc-hai-lop/" in client.get("/admin/")["Location"]
    assert client.post("/admin/xac-thuc-hai-lop/", {"code": "123456"}).status_code == 200
    assert client.post("/admin/xac-thuc-hai-lop/", {"code": codes[0], "next": "/admin/"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in(client, "truongban")
    assert client.post("/admin/xac-thuc-hai-lop/", {"code": codes[0]}).status_code == 200  # used up
    actions = set(ModelLogEntry.objects.for_instance(approver).values_list("action", flat=True))
    assert {"portal.two_factor_set_up", "portal.recovery_code_used", "portal.login_failed"} <= actions


def test_editors_who_only_draft_need_no_second_step(client, editor, settings):
    settings.TWO_FACTOR_REQUIRED = True
    sign_in(client, "bientap")
    assert client.get("/admin/").status_code == 200


def test_petition_readers_need_the_second_step(client, home, settings):
    from portal.feedback.roles import OFFICERS

    settings.TWO_FACTOR_REQUIRED = True
    officer = make_user("canbopakn", OFFICERS)
    client.force_login(officer)
    assert client.get("/admin/petitions/")["Location"].startswith("/admin/xac-thuc-hai-lop/thiet-lap/")


def test_an_administrator_resets_a_lost_second_step(client, approver, settings, capsys):
    settings.TWO_FACTOR_REQUIRED = True
    TOTPDevice.objects.create(user=approver, name="app", confirmed=True)
    call_command("two_factor_reset", "truongban")
    assert not TOTPDevice.objects.filter(user=approver).exists()
    assert "truongban" in capsys.readouterr().out


def test_an_idle_session_is_signed_out(client, editor, settings):
    settings.STAFF_IDLE_MINUTES = 30
    sign_in(client, "bientap")
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 31 * 60
    session.save()
    back = client.get("/admin/pages/")
    assert back.status_code == 302 and back["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session
    assert "30 phút" in client.get(back["Location"]).content.decode()


def test_demo_accounts_get_a_second_step_they_can_use(home, settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.DEBUG = True
    from io import StringIO

    out = StringIO()
    call_command("seed_demo", stdout=out)
    text = out.getvalue()
    assert "truongban" in text and "mã dự phòng" in text
    user = get_user_model().objects.get(username="truongban")
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_old_failed_attempts_are_deleted(client, editor):
    import datetime as dt

    from axes.models import AccessAttempt
    from django.utils import timezone

    sign_in(client, "bientap", "sai-mat-khau")
    assert AccessAttempt.objects.count() == 1
    call_command("purge_expired", verbosity=0)
    assert AccessAttempt.objects.count() == 1  # still counting towards a pause
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(days=2))
    call_command("purge_expired", verbosity=0)
    assert not AccessAttempt.objects.exists()
