"""`manage.py heartbeat`: the scheduler's sign of life, run every round (portal.core.health):
writes the scheduler's heartbeat and queues one for the task worker."""

from django.core.management.base import BaseCommand

from portal.core.health import beat, worker_heartbeat


class Command(BaseCommand):
    help = "Write the scheduler's heartbeat and queue the task worker's (read by /readyz)."

    def handle(self, *args, **options):
        beat("scheduler")
        worker_heartbeat.enqueue()
