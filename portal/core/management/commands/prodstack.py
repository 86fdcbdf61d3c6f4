"""`manage.py prodstack start|stop|status`: the production stack on this machine, on loopback
ports (portal.core.localstack; `make prod`, `make prod-stop`, `make prod-status`)."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.core.localstack import Stack, StackError


class Command(BaseCommand):
    help = "Start, stop or show the local production stack (PostgreSQL, Redis, gunicorn, worker, scheduler, nginx)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["start", "stop", "status"])
        parser.add_argument("--no-demo", action="store_true", help="do not load the demo content")

    def handle(self, *args, action: str, no_demo: bool, **options):
        stack = Stack()
        try:
            getattr(self, action)(stack, demo=not no_demo)
        except StackError as error:
            raise CommandError(_("The local production stack: %(error)s") % {"error": error}) from error

    def start(self, stack: Stack, *, demo: bool) -> None:
        self.stdout.write(
            _("Preparing the database, demo content and static files (log: %(log)s)…")
            % {"log": stack.log_dir / "setup.log"}
        )
        stack.start(demo=demo)
        self.stdout.write(self.style.SUCCESS(_("The production stack is running:")))
        self.stdout.write(_("  site:    %(url)s/ (self-signed certificate)") % {"url": stack.base_url})
        self.stdout.write(_("  admin:   %(url)s/admin/ (two-factor sign-in is required)") % {"url": stack.base_url})
        self.stdout.write(
            _("  nodes:   %(ports)s; logs in %(logs)s")
            % {
                "ports": ", ".join(f"127.0.0.1:{port}" for port in stack.node_ports),
                "logs": stack.log_dir,
            }
        )
        self.stdout.write(_("  stop:    make prod-stop"))

    def stop(self, stack: Stack, *, demo: bool) -> None:
        stopped = stack.stop()
        if stopped:
            self.stdout.write(_("Stopped: %(names)s.") % {"names": ", ".join(stopped)})
        else:
            self.stdout.write(_("Nothing was running."))

    def status(self, stack: Stack, *, demo: bool) -> None:
        for name in stack.names():
            pid = stack.pid(name)
            state = _("running (pid %(pid)d)") % {"pid": pid} if pid else _("stopped")
            self.stdout.write(f"  {name}: {state}")
        code, report = stack.readiness()
        if not code:
            self.stdout.write(_("Nothing answers on %(url)s.") % {"url": stack.base_url})
            return
        self.stdout.write(f"/readyz: HTTP {code}")
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
