"""`manage.py petition_reminders [--dry-run]`: e-mail reminders for petitions due today or on
the next working day, and for overdue ones (once a day each; `run_scheduler` runs it)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.feedback.services import petition_reminders_send


class Command(BaseCommand):
    help = "Send reminder e-mails for petitions whose deadline is near or past."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, send nothing")

    def handle(self, *args, dry_run: bool, **options):
        result = petition_reminders_send(dry_run=dry_run)
        line = (
            _("Would send %(sent)s reminders, skipped %(skipped)s (nobody to send to).")
            if dry_run
            else _("Sent %(sent)s reminders, skipped %(skipped)s (nobody to send to).")
        )
        self.stdout.write(line % result)
