"""The CI dependency audit (.ci/audit.py) fails on a known vulnerability and passes, saying so,
when no vulnerability database can be reached."""

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def audit():
    spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def answer(monkeypatch, audit, report):
    done = subprocess.CompletedProcess([], 1, stdout=json.dumps(report), stderr="")
    monkeypatch.setattr(audit.subprocess, "run", lambda *a, **k: done)


def test_a_known_vulnerability_fails(audit, monkeypatch, capsys):
    vuln = {"id": "PYSEC-2099-1", "fix_versions": ["9.9"]}
    answer(monkeypatch, audit, {"dependencies": [{"name": "django", "version": "5.2", "vulns": [vuln]}]})
    assert audit.main() == 1 and "PYSEC-2099-1" in capsys.readouterr().out


def test_offline_passes_with_a_note(audit, monkeypatch, capsys):
    answer(monkeypatch, audit, {"dependencies": [{"name": "django", "version": "5.2", "skip_reason": "not found"}]})
    assert audit.main() == 0 and "offline" in capsys.readouterr().out


def test_clean_passes(audit, monkeypatch, capsys):
    answer(monkeypatch, audit, {"dependencies": [{"name": "django", "version": "5.2", "vulns": []}]})
    assert audit.main() == 0 and "no known vulnerability" in capsys.readouterr().out
