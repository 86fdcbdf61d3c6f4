"""The e-mail outbox (portal.outbox).

manage.py mail_outbox                 # how many are waiting, given up, sent today
manage.py mail_outbox --send          # send what is due (run_scheduler does, every minute)
manage.py mail_outbox --retry-failed  # put given-up messages back (mail server fixed)
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.outbox.selectors import outbox_counts
from portal.outbox.services import mail_retry_failed, mail_send_due


class Command(BaseCommand):
    help = gettext_lazy("Show, send or retry the e-mails waiting in the outbox.")

    def add_arguments(self, parser):
        parser.add_argument("--send", action="store_true", help=gettext_lazy("Send the messages that are due."))
        parser.add_argument(
            "--retry-failed", action="store_true", help=gettext_lazy("Queue the given-up messages again.")
        )

    def handle(self, *args, send: bool, retry_failed: bool, **options):
        quiet = options["verbosity"] == 0
        if retry_failed:
            count = mail_retry_failed()
            if not quiet:
                self.stdout.write(_("%(count)s given-up messages queued again.") % {"count": count})
        if send:
            run = mail_send_due()
            if not quiet:
                self.stdout.write(
                    _("Sent %(sent)s, failed %(failed)s (tried again later), deleted %(deleted)s old.") % run.__dict__
                )
        if not quiet and not send and not retry_failed:
            self.stdout.write(
                _("Waiting: %(waiting)s · given up: %(given_up)s · sent in the last 24 hours: %(sent_today)s")
                % outbox_counts()
            )
