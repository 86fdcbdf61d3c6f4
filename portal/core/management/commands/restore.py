"""`manage.py restore IN.tar.gz [--force]`: put back what `backup` wrote (portal.core.backup).
Stop the site and the worker first; migrate afterwards if the code is newer than the backup."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore the database, the media and the private files from a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("source", help="an archive written by manage.py backup")
        parser.add_argument("--force", action="store_true", help="replace a database that already has content")

    def handle(self, *args, source, force=False, **options):
        try:
            manifest = restore(source, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Restored the backup of %(when)s (%(engine)s).")
            % {"when": manifest["created_at"], "engine": manifest["engine"]}
        )
