"""`manage.py import_science_indicators FILE [--dry-run]`: add or update the values of the S&T
indicators from a CSV or XLSX file (columns in portal.science.indicators; docs/science.md)."""

from portal.core.importcommand import ImportCommand
from portal.science import indicators


class Command(ImportCommand):
    help = (
        "Import S&T indicator values from a CSV (UTF-8) or XLSX file, one value per row (indicator, year, "
        "category, value, unit, source, note); a row updates the value of its indicator, year and category."
    )

    def run(self, data, *, filename, dry_run):
        return indicators.import_indicators(data, filename=filename, dry_run=dry_run)
