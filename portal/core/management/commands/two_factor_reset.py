"""`manage.py two_factor_reset USERNAME`: remove an account's second factor (a lost phone and
lost recovery codes); the account sets up a new one at its next sign-in. Logged."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.core.staff import twofactor


class Command(BaseCommand):
    help = "Remove an account's two-step sign-in devices."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("No account is called %(name)s.") % {"name": username})
        removed = twofactor.two_factor_reset(user=user)
        self.stdout.write(
            _("Two-step sign-in of %(name)s reset (%(n)s devices removed).") % {"name": username, "n": removed}
        )
