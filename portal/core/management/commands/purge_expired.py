"""`manage.py purge_expired`: delete what the kits keep only for a while (request keys past
IDEMPOTENCY_KEY_HOURS, attempt counters kept in the database past their window). Run hourly
by the scheduler."""

from django.core.management.base import BaseCommand

from portal.core import idempotency, ratelimit


class Command(BaseCommand):
    help = "Delete expired request keys."

    def handle(self, *args, **options):
        keys, counters = idempotency.purge_expired(), ratelimit.purge_expired()
        if options["verbosity"]:
            self.stdout.write(f"{keys} request keys, {counters} expired counters removed")
