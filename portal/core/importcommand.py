"""The management command of a spreadsheet import (`manage.py import_… FILE [--dry-run]`):
reads the file, prints each bad row as "Dòng N: reason" on stderr and the summary on stdout, in
Vietnamese, and exits 1 when a row failed. An app gives `run()`, the function its admin import
also calls."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from .tabular import ImportResult, TableFileError


class ImportCommand(BaseCommand):
    def run(self, data: bytes, *, filename: str, dry_run: bool) -> ImportResult:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")

    def handle(self, *args, path: Path, dry_run: bool, **options):
        with translation.override("vi"):
            try:
                data = path.read_bytes()
            except OSError as error:
                raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror})
            try:
                result = self.run(data, filename=path.name, dry_run=dry_run)
            except TableFileError as error:
                raise CommandError(str(error))
            for line, message in result.errors:
                self.stderr.write(_("Line %(line)d: %(reason)s") % {"line": line, "reason": message})
            self.stdout.write(result.summary())
        if result.errors:
            raise SystemExit(1)
