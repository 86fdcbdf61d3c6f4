"""`manage.py petition_purge [--dry-run]`: remove the personal data of petitions closed more
than FEEDBACK_RETENTION_DAYS ago (services/retention.py). Run daily by the scheduler."""

from django.utils.translation import gettext_lazy as _

from portal.core.purgecommand import PurgeCommand
from portal.feedback.services.retention import petition_purge


class Command(PurgeCommand):
    help = "Anonymise closed petitions past the retention period."
    done_message = _("%(n)s petitions anonymised.")
    dry_run_message = _("%(n)s petitions would be anonymised.")

    def purge(self, *, dry_run: bool) -> int:
        return petition_purge(dry_run=dry_run)
