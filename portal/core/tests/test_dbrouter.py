"""Read replicas (issue 17, portal.core.dbrouter): citizens' reads may go to the replica,
everything that must see its own writes stays on the primary."""

import os
import subprocess
import sys

import pytest
from django.db import transaction
from django.test import RequestFactory

from portal.core import dbrouter
from portal.core.dbrouter import ReplicaReadsMiddleware, ReplicaRouter


def routed(request) -> str:
    """Where the router sends a read made while `request` is served."""
    seen = []

    def view(request):
        seen.append(ReplicaRouter().db_for_read(None))
        return None

    ReplicaReadsMiddleware(view)(request)
    return seen[0]


def test_citizens_reads_go_to_the_replica_and_the_rest_to_the_primary(settings):
    factory = RequestFactory()
    assert routed(factory.get("/tin-tuc-su-kien/")) == "replica"
    assert routed(factory.head("/")) == "replica"
    assert routed(factory.post("/api/v1/feedback")) == "default"  # petitions, beacons: read then write
    signed_in = factory.get("/tin-tuc-su-kien/")
    signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "x"
    assert routed(signed_in) == "default"  # staff read what they just saved
    assert routed(factory.get("/admin/pages/")) == "default"
    assert ReplicaRouter().db_for_read(None) == "default"  # no request: tasks, commands, scheduler
    assert ReplicaRouter().db_for_write(None) == "default"


@pytest.mark.django_db(transaction=True)
def test_a_transaction_reads_from_the_primary():
    def view(request):
        outside = ReplicaRouter().db_for_read(None)
        with transaction.atomic():
            return outside, ReplicaRouter().db_for_read(None)

    assert ReplicaReadsMiddleware(view)(RequestFactory().get("/")) == ("replica", "default")


def test_the_mark_never_outlives_its_request():
    ReplicaReadsMiddleware(lambda request: None)(RequestFactory().get("/"))
    assert dbrouter._public_read.get() is False


def test_the_setting_installs_the_replica_router_and_middleware():
    code = (
        "from django.conf import settings;"
        "print(settings.DATABASES['replica']['HOST'], settings.DATABASES['replica']['TEST']['MIRROR'],"
        " settings.DATABASE_ROUTERS, settings.MIDDLEWARE[0])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": "postgres://portal@10.0.0.1/portal",
        "DATABASE_REPLICA_URL": "postgres://portal@10.0.0.2/portal",
    }
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code], env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [
        "10.0.0.2",
        "default",
        "['portal.core.dbrouter.ReplicaRouter']",
        "portal.core.dbrouter.ReplicaReadsMiddleware",
    ]
    without = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings;"
         "print(sorted(settings.DATABASES), settings.DATABASE_ROUTERS)"],
        env={**env, "DATABASE_REPLICA_URL": ""}, capture_output=True, text=True,
    )  # fmt: skip
    assert without.stdout.split() == ["['default']", "[]"]
