"""`manage.py flush_visits`: write buffered visit counts to the database and close finished
days (keep their visitor numbers, delete their visitor hashes and salts). run_scheduler runs it
every minute."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.visits import services


class Command(BaseCommand):
    help = "Write buffered visit statistics and roll up finished days."

    def handle(self, *args, **options):
        batch = services.visits_flush()
        closed = services.visits_rollup()
        views = sum(n for key, n in batch.counters.items() if key.split("|")[1] == "total")
        self.stdout.write(
            _("Wrote %(views)d page views and %(visitors)d visitor records; closed %(days)d days.")
            % {"views": views, "visitors": len(batch.visitors), "days": closed}
        )
