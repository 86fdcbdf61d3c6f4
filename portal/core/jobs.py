"""The scheduled-jobs registry. Each app declares its periodic jobs in its wagtail_hooks
(`@hooks.register("portal_scheduled_jobs")` returning `Job`s); `run_scheduler` runs them, so
core names no app's command. A failing job never stops the others, and it is reported: logged
as an error with its traceback, counted in the run's result, and `run_scheduler --once` exits
with an error naming it (cron and systemd then show the failure)."""

from __future__ import annotations

import logging
import time
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


def registered_jobs() -> list[Job]:
    from wagtail import hooks

    jobs = [job for provide in hooks.get_hooks("portal_scheduled_jobs") for job in provide()]
    names = [job.name for job in jobs]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"scheduled jobs registered twice: {', '.join(duplicates)}")
    return sorted(jobs, key=lambda job: (job.order, job.name))


def run_round(jobs: list[Job], *, last_run: dict[str, float] | None = None, now: float | None = None) -> Round:
    """Run every job that is due (all of them when `last_run` is None)."""
    from django.core.management import call_command

    now = time.monotonic() if now is None else now
    result = Round()
    for job in jobs:
        if last_run is not None and now - last_run.get(job.name, float("-inf")) < job.every:
            continue
        if last_run is not None:
            last_run[job.name] = now
        try:
            call_command(job.command, verbosity=0, **job.options)
        except Exception as error:  # one failing job must not stop the others
            logger.exception("scheduled job %s failed", job.name)
            result.failed[job.name] = f"{type(error).__name__}: {error}"
        else:
            result.ran.append(job.name)
    return result
