"""The scheduled-jobs registry. Each app declares its periodic jobs in its wagtail_hooks
(`@hooks.register("portal_scheduled_jobs")` returning `Job`s); `run_scheduler` runs them, so
core names no app's command. A failing job never stops the others, and it is reported: logged
as an error with its traceback, counted in the run's result, and `run_scheduler --once` exits
with an error naming it (cron and systemd then show the failure).

Several schedulers may run, one beside each app node (the same systemd unit on every machine):
before a job starts, its scheduler claims it in the shared database (`claim`: one conditional
UPDATE of the job's JobClaim row, or its first INSERT), and only the one that moved the row
runs it, so each job runs once per interval however many schedulers there are. The database,
not Redis, holds the claim: with Redis down every process would fall back to its own memory
and each would win."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

logger = logging.getLogger("portal.scheduler")


@dataclass(frozen=True)
class Job:
    name: str  # shown in logs
    command: str  # a management command
    options: dict = field(default_factory=dict)
    every: int = 60  # seconds between runs (at least the scheduler's interval)
    order: int = 100  # within one round, lowest first


@dataclass
class Round:
    ran: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # job name → error
    skipped: list[str] = field(default_factory=list)  # claimed by another scheduler


def _claimed(claim: Callable[[Job], bool], job: Job) -> bool:
    """The claim, or (the database away) no run this round: the job is tried again next time."""
    try:
        return claim(job)
    except Exception:
        logger.exception("scheduled job %s: could not claim it", job.name)
        return False


def registered_jobs() -> list[Job]:
    from wagtail import hooks

    jobs = [job for provide in hooks.get_hooks("portal_scheduled_jobs") for job in provide()]
    names = [job.name for job in jobs]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"scheduled jobs registered twice: {', '.join(duplicates)}")
    return sorted(jobs, key=lambda job: (job.order, job.name))


def claim(job: Job, at: dt.datetime | None = None) -> bool:
    """Whether this scheduler may start `job` now: true for exactly one of the schedulers asking
    within the job's interval (a little less, so that schedulers ticking a few seconds late
    never skip a round)."""
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    from .models import JobClaim

    at = at or timezone.now()
    slack = min(5.0, job.every / 10)
    due_before = at - dt.timedelta(seconds=job.every - slack)
    if JobClaim.objects.filter(name=job.name, started_at__lte=due_before).update(started_at=at):
        return True
    try:
        with transaction.atomic():
            JobClaim.objects.create(name=job.name, started_at=at)
    except IntegrityError:  # the row exists: another scheduler started it within the interval
        return False
    return True


def run_round(
    jobs: list[Job],
    *,
    last_run: dict[str, float] | None = None,
    now: float | None = None,
    claim: Callable[[Job], bool] | None = None,
) -> Round:
    """Run every job that is due (all of them when `last_run` is None) and, when `claim` is
    given, that this scheduler wins (the loop of run_scheduler passes `claim` above)."""
    from django.core.management import call_command

    now = time.monotonic() if now is None else now
    result = Round()
    for job in jobs:
        if last_run is not None and now - last_run.get(job.name, float("-inf")) < job.every:
            continue
        if last_run is not None:
            last_run[job.name] = now
        if claim is not None and not _claimed(claim, job):
            result.skipped.append(job.name)
            continue
        try:
            call_command(job.command, verbosity=0, **job.options)
        except Exception as error:  # one failing job must not stop the others
            logger.exception("scheduled job %s failed", job.name)
            result.failed[job.name] = f"{type(error).__name__}: {error}"
        else:
            result.ran.append(job.name)
    return result
