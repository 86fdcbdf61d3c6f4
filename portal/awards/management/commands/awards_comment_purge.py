"""`manage.py awards_comment_purge [--dry-run]`: remove the name and contact of comments on award
nominees once AWARDS_COMMENT_RETENTION_DAYS have passed since the comments closed
(services/disclosure.py). Run daily by the scheduler."""

from django.utils.translation import gettext_lazy as _

from portal.awards.services import disclosure_comment_purge
from portal.core.purgecommand import PurgeCommand


class Command(PurgeCommand):
    help = "Remove names and contacts from comments on award nominees past the keeping period."
    done_message = _("%(n)s comments lost their name and contact.")
    dry_run_message = _("%(n)s comments would lose their name and contact.")

    def purge(self, *, dry_run: bool) -> int:
        return disclosure_comment_purge(dry_run=dry_run)
