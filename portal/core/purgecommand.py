"""The management command of a keeping period (`manage.py petition_purge [--dry-run]`,
`awards_comment_purge`): an app's service removes the personal data whose period is over and
says how many records it changed; `--dry-run` only counts them. Run daily by the scheduler.
An app gives `purge()` and the two messages (with `%(n)s`)."""

from __future__ import annotations

from django.core.management.base import BaseCommand


class PurgeCommand(BaseCommand):
    done_message = ""  # "%(n)s … removed", translated (gettext_lazy)
    dry_run_message = ""  # "%(n)s … would be removed"

    def purge(self, *, dry_run: bool) -> int:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count them")

    def handle(self, *args, dry_run=False, **options):
        count = self.purge(dry_run=dry_run)
        if options["verbosity"]:
            message = self.dry_run_message if dry_run else self.done_message
            self.stdout.write(str(message) % {"n": count})
