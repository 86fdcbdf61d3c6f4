"""Reading a beacon's request (beacons.py): bots, devices, the client address behind trusted
proxies only."""

from django.test import RequestFactory

from portal.core.beacons import client_ip, device_class, is_bot

from .factories import DESKTOP, PHONE, TABLET


def test_bots_and_devices():
    assert is_bot("") and is_bot("Googlebot/2.1") and is_bot("curl/8.5") and is_bot("HeadlessChrome/130")
    assert not is_bot(DESKTOP)
    assert (device_class(DESKTOP), device_class(PHONE), device_class(TABLET)) == ("desktop", "mobile", "tablet")


def test_client_ip_trusts_only_configured_proxies(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "127.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "198.51.100.7"  # the left entry was written by the client
