"""`manage.py backup OUT` and `manage.py restore IN`: the database, the public media and the
private files (petition attachments) in one .tar.gz.

The database is copied with its engine's own consistent snapshot: SQLite's online backup API
(a page-by-page copy of one consistent state, while the site keeps running), PostgreSQL's
pg_dump (one transaction, custom format). The files are copied after the database, so every
file a row of the snapshot names is already there. A manifest records the engine, the time
and the row counts, and `restore` checks them after restoring.

Restore replaces the database and the files with the archive's; it refuses a database that
already holds content unless told `--force` (an operator restoring over a broken site)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
COUNTED = ("wagtailcore.Page", "feedback.Petition", "feedback.PetitionFile", "wagtailimages.Image", "auth.User")


class BackupError(Exception):
    """A message for the operator (translated)."""


def row_counts() -> dict[str, int]:
    counts = {}
    for label in COUNTED:
        try:
            counts[label] = apps.get_model(label).objects.count()
        except LookupError:
            continue
    return counts


def _pg_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432), "-U", db.get("USER") or "postgres"]
    env = {"PGPASSWORD": db.get("PASSWORD") or "", "PATH": "/usr/bin:/bin:/usr/local/bin"}
    return args, env


def _dump_database(target: Path) -> str:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target / "database.sqlite3")
        with destination:
            connection.connection.backup(destination)
        destination.close()
        return "database.sqlite3"
    if connection.vendor == "postgresql":
        args, env = _pg_env()
        name = connection.settings_dict["NAME"]
        done = subprocess.run(
            ["pg_dump", *args, "-Fc", "--no-owner", "-f", str(target / "database.pgdump"), name],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise BackupError(f"pg_dump: {done.stderr.strip()[:500]}")
        return "database.pgdump"
    raise BackupError(_("Backing up a %(engine)s database is not supported.") % {"engine": connection.vendor})


def backup(out: Path) -> dict:
    """Write the archive to `out` (a .tar.gz); returns its manifest."""
    out = Path(out)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        manifest = {
            "format": FORMAT,
            "engine": connection.vendor,
            "created_at": timezone.now().isoformat(),
            "counts": row_counts(),
            "database": _dump_database(work),
        }
        (work / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
        out.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(out, "w:gz") as archive:
            archive.add(work / "manifest.json", arcname="manifest.json")
            archive.add(work / manifest["database"], arcname=manifest["database"])
            for name, root in (("media", settings.MEDIA_ROOT), ("private", settings.PRIVATE_MEDIA_ROOT)):
                if Path(root).exists():
                    archive.add(root, arcname=name)
    out.chmod(0o600)  # it holds personal data
    return manifest


def _holds_content() -> bool:
    from django.db.utils import OperationalError, ProgrammingError

    try:
        return (
            apps.get_model("feedback.Petition").objects.exists()
            or apps.get_model("wagtailcore.Page").objects.count() > 2
        )
    except (OperationalError, ProgrammingError):  # no tables yet: an empty database
        return False


def _restore_database(source: Path, manifest: dict) -> None:
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            _("The backup is of a %(theirs)s database; this one is %(ours)s.")
            % {"theirs": manifest["engine"], "ours": connection.vendor}
        )
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        origin = sqlite3.connect(source / manifest["database"])
        with origin:
            origin.backup(connection.connection)
        origin.close()
        return
    args, env = _pg_env()
    connection.close()
    done = subprocess.run(
        [
            "pg_restore",
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "-d",
            connection.settings_dict["NAME"],
            str(source / manifest["database"]),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise BackupError(f"pg_restore: {done.stderr.strip()[:500]}")


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = []
    for member in archive.getmembers():
        path = Path(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            raise BackupError(_("The backup holds an entry that is not allowed: %(name)s") % {"name": member.name})
        members.append(member)
    return members


def restore(source: Path, *, force: bool = False) -> dict:
    """Restore the archive at `source`; returns its manifest (with the counts found after)."""
    if not force and _holds_content():
        raise BackupError(_("The database already holds content; use --force to replace it with the backup."))
    with tempfile.TemporaryDirectory() as work, tarfile.open(source, "r:gz") as archive:
        work = Path(work)
        archive.extractall(work, members=_safe_members(archive), filter="data")
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError(_("This backup format is not supported."))
        _restore_database(work, manifest)
        for name, root in (("media", settings.MEDIA_ROOT), ("private", settings.PRIVATE_MEDIA_ROOT)):
            root = Path(root)
            if (work / name).exists():
                if root.exists():
                    shutil.rmtree(root)
                shutil.copytree(work / name, root)
    found = row_counts()
    if found != manifest["counts"]:
        raise BackupError(
            _("The restored records differ from the backup: %(found)s ≠ %(expected)s")
            % {"found": found, "expected": manifest["counts"]}
        )
    manifest["restored_at"] = dt.datetime.now(dt.UTC).isoformat()
    return manifest
