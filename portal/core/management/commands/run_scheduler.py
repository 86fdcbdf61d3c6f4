"""`manage.py run_scheduler`: run periodic jobs in one process (development and small installs).

Production may use systemd timers instead (deploy/). Jobs: publish pages whose scheduled
time has come (Wagtail's `publish_scheduled`), write buffered visit statistics and close
finished days (`flush_visits`), record read-aloud audio that is missing (`generate_audio`), remind officers of petition
deadlines (`petition_reminders`).
Later features add theirs to JOBS.
"""

import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

logger = logging.getLogger("portal.scheduler")

JOBS = [
    ("publish_scheduled", {}),
    # E-mail the task worker could not deliver (mail server down), with growing delays.
    ("mail_outbox", {"send": True}),
    ("flush_visits", {}),
    # Read-aloud recordings of articles published without the background task (bulk imports,
    # demo content); a few per run so the scheduler never stalls.
    ("generate_audio", {"missing": True, "limit": 5, "skip_unavailable": True}),
    # Deadline reminders for citizen petitions (each petition at most once a day).
    ("petition_reminders", {}),
    # Read-aloud recordings no reader gets any more, a week after they stopped being used.
    ("audio_prune", {}),
]


class Command(BaseCommand):
    help = "Run periodic jobs every --interval seconds (or once with --once)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--once", action="store_true")

    def handle(self, *args, interval: int, once: bool, **options):
        while True:
            for name, kwargs in JOBS:
                try:
                    call_command(name, verbosity=0, **kwargs)
                except Exception:  # one failing job must not stop the others
                    logger.exception("scheduled job %s failed", name)
            if once:
                return
            time.sleep(max(5, interval))
