"""`manage.py import_science_tasks FILE [--dry-run]`: add or update S&T tasks from a CSV or
XLSX file (columns in portal.science.importing; docs/science.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from portal.science import importing


class Command(BaseCommand):
    help = "Import S&T tasks from a CSV (UTF-8) or XLSX file, one task per row; a row updates the task with its code."

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
                result = importing.import_tasks(data, filename=path.name, dry_run=dry_run)
            except importing.TableFileError as error:
                raise CommandError(str(error))
            for line, message in result.errors:
                self.stderr.write(_("Line %(line)d: %(reason)s") % {"line": line, "reason": message})
            self.stdout.write(result.summary())
        if result.errors:
            raise SystemExit(1)
