"""`manage.py import_science_tasks FILE [--dry-run]`: add or update S&T tasks from a CSV or
XLSX file (columns in portal.science.importing; docs/science.md)."""

from portal.core.importcommand import ImportCommand
from portal.science import importing


class Command(ImportCommand):
    help = "Import S&T tasks from a CSV (UTF-8) or XLSX file, one task per row; a row updates the task with its code."

    def run(self, data, *, filename, dry_run):
        return importing.import_tasks(data, filename=filename, dry_run=dry_run)
