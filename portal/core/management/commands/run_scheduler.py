"""`manage.py run_scheduler`: run the periodic jobs the apps register (portal.core.jobs) in one
process, for development and small installs; production may use it as a systemd service
(deploy/portal-scheduler.service), on one machine or on every app node: each job is claimed in
the database before it starts, so it runs once per interval whatever the number of schedulers
(portal.core.jobs.claim). `--once` runs every job once, unclaimed, and fails, naming them, when
any failed."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.core.jobs import claim, registered_jobs, run_round


class Command(BaseCommand):
    help = "Run the registered periodic jobs every --interval seconds (or once with --once)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--list", action="store_true", help="list the registered jobs and stop")

    def handle(self, *args, interval: int, once: bool, list: bool, **options):
        jobs = registered_jobs()
        if list:
            for job in jobs:
                self.stdout.write(f"{job.name}: {job.command} {job.options or ''} / {job.every} s")
            return
        if once:
            result = run_round(jobs)
            if result.failed:
                raise CommandError(
                    _("Scheduled jobs failed: %(jobs)s")
                    % {"jobs": "; ".join(f"{name} ({error})" for name, error in result.failed.items())}
                )
            return
        last_run: dict[str, float] = {}
        while True:
            run_round(jobs, last_run=last_run, claim=claim)  # once per interval across schedulers
            time.sleep(max(5, interval))
