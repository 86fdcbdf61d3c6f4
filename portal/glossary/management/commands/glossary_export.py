"""`manage.py glossary_export [--output FILE.csv]`: the glossary as CSV (standard output by
default), in the columns glossary_import reads."""

from pathlib import Path

from django.core.management.base import BaseCommand

from portal.glossary import services


class Command(BaseCommand):
    help = "Export the abbreviation glossary as CSV."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path)

    def handle(self, *args, output: Path | None, **options):
        text = services.glossary_export_csv()
        if output:
            output.write_text("\ufeff" + text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
