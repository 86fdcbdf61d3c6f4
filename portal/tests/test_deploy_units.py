"""The systemd units of deploy/: each runs a command that exists, with the production settings,
restarts on failure and is confined to the portal's own files; the web unit reloads gracefully."""

import configparser
import shlex
from pathlib import Path

import pytest
from django.core.management import get_commands

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNITS = sorted(DEPLOY.glob("portal-*.service"))


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser


def test_there_are_units_for_web_worker_and_scheduler():
    assert {path.stem for path in UNITS} == {"portal-web", "portal-worker", "portal-scheduler"}


@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.stem)
def test_each_unit_is_confined_and_runs_a_real_command(path):
    service = _unit(path)["Service"]
    assert service["User"] == "portal" and service["Restart"] == "always"
    assert service["Environment"] == "DJANGO_SETTINGS_MODULE=portal.settings.production"
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ReadWritePaths": "/srv/portal/var",
    }.items():
        assert service[key] == value, key
    command = shlex.split(service["ExecStart"])
    if "manage.py" in command[1:2]:
        assert command[2] in get_commands(), command
    else:
        assert command[0].endswith("/gunicorn") and (DEPLOY.parent / command[2]).exists()


def test_the_web_unit_reloads_without_cutting_requests():
    service = _unit(DEPLOY / "portal-web.service")["Service"]
    assert service["ExecReload"] == "/bin/kill -HUP $MAINPID"
    assert int(service["TimeoutStopSec"]) > 25  # longer than gunicorn's graceful_timeout
