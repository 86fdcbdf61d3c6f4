"""A PostgreSQL streaming replica for citizens' reads (DATABASE_REPLICA_URL; portal.core.dbrouter,
docs/scale-out.md): anonymous GETs read from it; staff, POSTs, tasks and commands use the primary.
Without the setting nothing changes."""

import dj_database_url

from .env import env_int, env_str


def with_replica(databases: dict, middleware: list[str]) -> list[str]:
    """Add the "replica" alias and the middleware marking citizens' reads; the routers to use."""
    url = env_str("DATABASE_REPLICA_URL", "")
    if not url:
        return []
    databases["replica"] = dj_database_url.parse(
        url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0), test_options={"MIRROR": "default"}
    )
    middleware.insert(0, "portal.core.dbrouter.ReplicaReadsMiddleware")
    return ["portal.core.dbrouter.ReplicaRouter"]
