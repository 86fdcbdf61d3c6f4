"""The scheduled-jobs registry and run_scheduler: every registered job runs, and a failing one
is reported (logged, named in the error of --once) without stopping the others."""

import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.core import jobs

EXPECTED = {
    "heartbeat",
    "publish_scheduled",
    "mail_outbox",
    "flush_visits",
    "generate_audio",
    "petition_reminders",
    "awards_comment_purge",
    "audio_prune",
    "purge_expired",
    "petition_purge",
}


def test_each_app_registers_its_jobs():
    assert {job.name for job in jobs.registered_jobs()} == EXPECTED


def test_every_registered_job_runs_on_a_set_up_portal(home, monkeypatch):
    ran = []
    real = jobs.run_round

    def spy(job_list, **kwargs):
        result = real(job_list, **kwargs)
        ran.extend(result.ran)
        assert result.failed == {}
        return result

    monkeypatch.setattr("portal.core.management.commands.run_scheduler.run_round", spy)
    call_command("run_scheduler", "--once")
    assert set(ran) == EXPECTED


@pytest.mark.parametrize("broken", sorted(EXPECTED))
def test_a_failing_job_is_reported_and_the_others_still_run(home, monkeypatch, caplog, broken):
    from django.core import management

    real_call = management.call_command
    called = []

    def call(name, *args, **kwargs):
        job = next(job for job in jobs.registered_jobs() if job.command == name)
        called.append(job.name)
        if job.name == broken:
            raise RuntimeError("database unavailable")
        return real_call(name, *args, **kwargs)

    monkeypatch.setattr(management, "call_command", call)
    with caplog.at_level(logging.ERROR, logger="portal.scheduler"), pytest.raises(CommandError) as failure:
        call_command("run_scheduler", "--once")
    assert broken in str(failure.value) and "database unavailable" in str(failure.value)
    assert f"scheduled job {broken} failed" in caplog.text
    assert set(called) == EXPECTED  # the ones after it still ran


def test_the_loop_runs_a_job_when_its_interval_has_passed(monkeypatch):
    from django.core import management

    done = []
    monkeypatch.setattr(management, "call_command", lambda name, **kw: done.append(name))
    job_list = [jobs.Job("often", "often", every=60), jobs.Job("hourly", "hourly", every=3600)]
    last: dict[str, float] = {}
    jobs.run_round(job_list, last_run=last, now=1000.0)
    jobs.run_round(job_list, last_run=last, now=1030.0)
    jobs.run_round(job_list, last_run=last, now=1061.0)
    assert done == ["often", "hourly", "often"]
