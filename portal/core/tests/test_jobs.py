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


@pytest.mark.django_db
def test_two_schedulers_run_a_job_once_per_interval(monkeypatch):
    """Issue 17 (scale-out): a scheduler beside each app node must not run each job once per
    node. Both ask at the same moment; only the first claim wins, and the job is claimed again
    once its interval has passed."""
    import datetime as dt

    from django.core import management

    done = []
    monkeypatch.setattr(management, "call_command", lambda name, **kw: done.append(name))
    job_list = [jobs.Job("often", "often", every=60), jobs.Job("hourly", "hourly", every=3600)]
    start = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)
    node_a, node_b = {}, {}

    def at(seconds):
        return lambda job: jobs.claim(job, at=start + dt.timedelta(seconds=seconds))

    first = jobs.run_round(job_list, last_run=node_a, now=0.0, claim=at(0))
    second = jobs.run_round(job_list, last_run=node_b, now=3.0, claim=at(3))
    assert first.ran == ["often", "hourly"] and second.ran == [] and second.skipped == ["often", "hourly"]
    # A minute later B ticks first: "often" again, once (A a second later loses); "hourly" not yet.
    b_later = jobs.run_round(job_list, last_run=node_b, now=63.0, claim=at(58))
    a_later = jobs.run_round(job_list, last_run=node_a, now=61.0, claim=at(59))
    assert b_later.ran == ["often"] and a_later.ran == []
    assert done == ["often", "hourly", "often"]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_claims_have_one_winner():
    """Eight schedulers asking at once (threads with their own connections): one runs it."""
    from .concurrency import at_once

    job = jobs.Job("flush", "flush", every=60)
    wins = at_once(lambda: jobs.claim(job), 8)
    assert sorted(wins) == [False] * 7 + [True]


def test_a_claim_that_cannot_be_made_skips_the_job_this_round(monkeypatch, caplog):
    from django.core import management

    done = []
    monkeypatch.setattr(management, "call_command", lambda name, **kw: done.append(name))

    def broken(job):
        raise RuntimeError("database unavailable")

    with caplog.at_level(logging.ERROR, logger="portal.scheduler"):
        result = jobs.run_round([jobs.Job("often", "often")], last_run={}, now=0.0, claim=broken)
    assert done == [] and result.skipped == ["often"] and "could not claim" in caplog.text
