"""`manage.py purge_expired`: delete what the kits keep only for a while (request keys past
IDEMPOTENCY_KEY_HOURS, attempt counters kept in the database past their window, failed staff
sign-ins a day after they stopped counting). Run hourly by the scheduler."""

from django.core.management.base import BaseCommand

from portal.core import idempotency, ratelimit
from portal.core.staff.lockout import purge_attempts


class Command(BaseCommand):
    help = "Delete expired request keys, counters and failed sign-in attempts."

    def handle(self, *args, **options):
        keys, counters, attempts = idempotency.purge_expired(), ratelimit.purge_expired(), purge_attempts()
        if options["verbosity"]:
            self.stdout.write(f"{keys} request keys, {counters} counters, {attempts} sign-in attempts removed")
