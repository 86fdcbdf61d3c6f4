"""`manage.py glossary_import FILE.csv [--dry-run]`: add or update abbreviations from CSV."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.glossary import services


class Command(BaseCommand):
    help = "Import the abbreviation glossary from a CSV file (abbreviation, full_form, note)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check every line, write nothing")

    def handle(self, *args, path: Path, dry_run: bool, **options):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror})
        try:
            result = services.glossary_import(data, dry_run=dry_run)
        except services.GlossaryFileError as error:
            raise CommandError(str(error))
        for line, message in result.errors:
            self.stderr.write(_("Line %(line)d: %(message)s") % {"line": line, "message": message})
        self.stdout.write(result.summary())
        if result.errors:
            raise SystemExit(1)
