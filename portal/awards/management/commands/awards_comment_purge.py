"""`manage.py awards_comment_purge [--dry-run]`: remove the name and contact of comments on award
nominees once AWARDS_COMMENT_RETENTION_DAYS have passed since the comments closed
(services/disclosure.py). Run daily by the scheduler."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.awards.services import disclosure_comment_purge


class Command(BaseCommand):
    help = "Remove names and contacts from comments on award nominees past the keeping period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count them")

    def handle(self, *args, dry_run=False, **options):
        count = disclosure_comment_purge(dry_run=dry_run)
        if options["verbosity"]:
            if dry_run:
                message = _("%(n)s comments would lose their name and contact.")
            else:
                message = _("%(n)s comments lost their name and contact.")
            self.stdout.write(message % {"n": count})
