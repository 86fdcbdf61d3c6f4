"""Fixtures shared by the petition tests."""

import pytest

from portal.feedback.roles import LEADERS, OFFICERS

from .factories import make_staff


@pytest.fixture
def portal(home):
    return home


@pytest.fixture
def staff(home):
    return make_staff("canbo", OFFICERS, "canbo@example.vn"), make_staff("lanhdao", LEADERS, "lanhdao@example.vn")


@pytest.fixture
def scanner(tmp_path, settings):
    """A stand-in for clamdscan: reads the file on stdin; exit 1 for the EICAR test string,
    2 for a file it cannot read, 0 otherwise."""
    script = tmp_path / "scan"
    script.write_text(
        "#!/bin/sh\ndata=$(cat)\n"
        'case "$data" in *EICAR-STANDARD-ANTIVIRUS-TEST-FILE*) echo "stdin: Eicar-Signature FOUND"; exit 1;; '
        '*SCANFAIL*) echo "cannot read" >&2; exit 2;; esac\nexit 0\n'
    )
    script.chmod(0o755)
    settings.FEEDBACK_SCAN_COMMAND = f"{script} --no-summary -"
    return script
