"""The virus scanner, when one is configured."""

from __future__ import annotations

import logging
import shlex
import subprocess

from django.utils.translation import gettext as _

from .errors import FileRejected

logger = logging.getLogger("portal.uploads")


def scan(data: bytes, command: str, timeout: int) -> None:
    """Run `command` (e.g. "clamdscan --no-summary -") on what would be stored, sent on its
    standard input. Exit 0: clean; 1: infected (refused); anything else, or no answer within
    `timeout` seconds: the file is refused with a request to send it later, since an unchecked
    file must not reach the department's staff. Nothing is stored either way."""
    if not command:
        return
    try:
        done = subprocess.run(shlex.split(command), input=data, capture_output=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as error:
        logger.error("virus scan could not run: %s", error)
        raise FileRejected(_("The file could not be checked for viruses now; please send it again later.")) from None
    if done.returncode == 1:
        logger.warning("virus scan refused a file: %s", done.stdout.decode(errors="replace").strip()[:300])
        raise FileRejected(_("The file contains a virus and was not accepted."))
    if done.returncode != 0:
        logger.error(
            "virus scan failed (exit %s): %s", done.returncode, done.stderr.decode(errors="replace").strip()[:300]
        )
        raise FileRejected(_("The file could not be checked for viruses now; please send it again later."))
