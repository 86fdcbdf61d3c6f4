from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.home.setup import portal_setup


class Command(BaseCommand):
    help = "Create the home page, default site and editorial roles if missing (idempotent)."

    def handle(self, *args, **options):
        home = portal_setup()
        self.stdout.write(
            _("Portal ready: home page “%(title)s”, roles and approval workflow in place.") % {"title": home.title}
        )
