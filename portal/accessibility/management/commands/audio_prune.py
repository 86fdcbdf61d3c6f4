"""Remove read-aloud recordings no reader gets any more (older revisions, articles taken
down, engines or voices no longer chosen, failures), after they have been unused for a while.

    manage.py audio_prune              # older than 7 days
    manage.py audio_prune --days 30 --dry-run

`run_scheduler` runs it every minute with the default (a cheap query when there is nothing).
"""

from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.accessibility.services import article_audio_prune


class Command(BaseCommand):
    help = gettext_lazy("Remove read-aloud recordings that no reader gets any more.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=7, help=gettext_lazy("Only recordings unchanged for this many days.")
        )
        parser.add_argument("--dry-run", action="store_true", help=gettext_lazy("Only say what would be removed."))

    def handle(self, *args, days: int, dry_run: bool, **options):
        result = article_audio_prune(older_than_days=days, dry_run=dry_run)
        if options["verbosity"] == 0:
            return
        message = (
            _("Would remove %(recordings)s recordings and %(files)s files (%(size)s).")
            if dry_run
            else _("Removed %(recordings)s recordings and %(files)s files (%(size)s).")
        )
        self.stdout.write(
            message % {"recordings": result.recordings, "files": result.files, "size": filesizeformat(result.size)}
        )
