"""Files sent with a petition or attached to an answer: the core upload checks
(portal.core.uploads) with the petition form's limits."""

from __future__ import annotations

from django.conf import settings

from portal.core.uploads import CheckedFile, FileRejected, Limits, safe_name
from portal.core.uploads import check_file as _check_file
from portal.core.uploads import check_files as _check_files

__all__ = ["CheckedFile", "FileRejected", "check_file", "check_files", "limits", "safe_name"]


def limits() -> Limits:
    return Limits(
        max_files=settings.FEEDBACK_MAX_FILES,
        max_bytes=settings.FEEDBACK_MAX_FILE_MB * 1024 * 1024,
        scan_command=settings.FEEDBACK_SCAN_COMMAND,
        scan_timeout=settings.FEEDBACK_SCAN_TIMEOUT,
    )


def check_file(name: str, data: bytes) -> CheckedFile:
    return _check_file(name, data, limits())


def check_files(uploads: list[tuple[str, bytes]]) -> tuple[list[CheckedFile], list[str]]:
    return _check_files(uploads, limits())
