"""`manage.py backup OUT.tar.gz`: database + media + private files (portal.core.backup)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database, the media and the private files into one .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("out", help="the archive to write, e.g. /srv/backup/portal-2026-12-02.tar.gz")

    def handle(self, *args, out, **options):
        try:
            manifest = backup(out)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{label}: {n}" for label, n in manifest["counts"].items())
        self.stdout.write(
            _("Backed up to %(out)s (%(engine)s; %(counts)s).")
            % {"out": out, "engine": manifest["engine"], "counts": counts}
        )
