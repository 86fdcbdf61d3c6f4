"""`manage.py purge_expired`: delete what the kits keep only for a while (request keys past
IDEMPOTENCY_KEY_HOURS). Run hourly by the scheduler."""

from django.core.management.base import BaseCommand

from portal.core import idempotency


class Command(BaseCommand):
    help = "Delete expired request keys."

    def handle(self, *args, **options):
        removed = idempotency.purge_expired()
        if options["verbosity"]:
            self.stdout.write(f"{removed} request keys removed")
