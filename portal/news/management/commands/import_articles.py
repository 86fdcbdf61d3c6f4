"""`manage.py import_articles FILE.jsonl [--dry-run]`: bring articles over from an old portal.

The file is read line by line (memory does not grow with its size); each line is imported
in its own transaction by `article_import`, so a bad line is reported and skipped while the
others land. What an article lost on the way (a picture whose file is missing, an image on
another host) is a warning with the line's number: the article is imported without it. Exit
status 1 when any line failed; warnings alone do not fail the run.
"""

import json
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from portal.core.bulk import bulk_publishing
from portal.news.importing import ImportLineError, article_import


class Command(BaseCommand):
    help = "Import articles from a JSON Lines export of an old portal."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON Lines file, one article per line")
        parser.add_argument("--dry-run", action="store_true", help="check every line, write nothing")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, file: str, dry_run: bool, no_progress: bool, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("The file %(file)s does not exist.") % {"file": file})
        counts = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0, "warnings": 0}
        size = path.stat().st_size
        show_progress = not no_progress and sys.stderr.isatty()
        # Read-aloud recordings of imported articles are made afterwards by the scheduler
        # (generate_audio --missing), not one by one while importing.
        with (
            bulk_publishing(),
            path.open("rb") as handle,
            tqdm(total=size, unit="B", unit_scale=True, disable=not show_progress, desc=path.name) as progress,
        ):
            for number, raw in enumerate(handle, start=1):
                progress.update(len(raw))
                if not raw.strip():
                    continue
                try:
                    data = json.loads(raw.decode("utf-8"))
                except UnicodeDecodeError:
                    self.fail(counts, number, _("the line is not UTF-8 text."))
                    continue
                except json.JSONDecodeError as exc:
                    self.fail(counts, number, _("invalid JSON (%(error)s).") % {"error": exc.msg})
                    continue
                try:
                    outcome = article_import(data=data, base_dir=path.parent, dry_run=dry_run)
                except (ImportLineError, ValidationError) as exc:
                    message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                    self.fail(counts, number, message)
                    continue
                counts[outcome.action] += 1
                for warning in outcome.warnings:
                    counts["warnings"] += 1
                    self.stderr.write(_("Line %(line)d: warning: %(message)s") % {"line": number, "message": warning})
        summary = (
            _(
                "Imported %(created)d, updated %(updated)d, unchanged %(unchanged)d, failed %(failed)d, "
                "warnings %(warnings)d."
            )
            % counts
        )
        if dry_run:
            summary = _("Dry run, nothing was written. ") + summary
        self.stdout.write(summary)
        if counts["failed"]:
            raise SystemExit(1)

    def fail(self, counts: dict, number: int, reason: str) -> None:
        counts["failed"] += 1
        self.stderr.write(_("Line %(line)d: %(reason)s") % {"line": number, "reason": reason})
