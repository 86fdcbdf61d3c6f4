"""`manage.py petition_purge [--dry-run]`: remove the personal data of petitions closed more
than FEEDBACK_RETENTION_DAYS ago (services/retention.py). Run daily by the scheduler."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.feedback.services.retention import petition_purge


class Command(BaseCommand):
    help = "Anonymise closed petitions past the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count them")

    def handle(self, *args, dry_run=False, **options):
        count = petition_purge(dry_run=dry_run)
        if options["verbosity"]:
            message = _("%(n)s petitions would be anonymised.") if dry_run else _("%(n)s petitions anonymised.")
            self.stdout.write(message % {"n": count})
