"""The layered "pages" cache (portal.core.layeredcache.LayeredCache): a request reads the shared cache
once per key, and a change made through any node is seen by every node from its next request.

Two "nodes" are two LayeredCache objects over the same shared store (a local-memory cache of one
name stands for Redis); a real Redis runs the same checks when REDIS_URL is set."""

import os
import time

import pytest

from portal.core.layeredcache import GENERATION_KEY, LayeredCache, NearCopies
from portal.core.requestscope import remembered, request_scope

DOWN = "redis://127.0.0.1:1/0"


def node(shared: str, **options) -> LayeredCache:
    """A process of its own (its own copies) over the shared store."""
    params = {"OPTIONS": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", **options}}
    cache = LayeredCache(shared, params)
    cache.near = NearCopies(options.get("NEAR_MAX_ENTRIES", 2000))
    return cache


def test_the_threads_of_a_process_share_their_copies(request):
    params = {"OPTIONS": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    one, other = LayeredCache(request.node.name, params), LayeredCache(request.node.name, params)
    assert one.near is other.near  # Django makes one cache object per thread
    assert LayeredCache(request.node.name, {**params, "KEY_PREFIX": "x"}).near is not one.near


def kept(cache: LayeredCache, key: str) -> bool:
    return cache.make_key(key) in cache.near._data


class CountingReads:
    """Counts the reads that reach the shared store."""

    def __init__(self, cache: LayeredCache):
        self.count, self.in_token_read = 0, False
        real, real_many = cache.primary.get, cache.primary.get_many

        def get(*args, **kwargs):
            if args and args[0] != GENERATION_KEY and not self.in_token_read:
                self.count += 1
            return real(*args, **kwargs)

        def get_many(keys, *args, **kwargs):
            # The token's round trip (a local-memory store answers it key by key).
            self.in_token_read = GENERATION_KEY in keys
            try:
                return real_many(keys, *args, **kwargs)
            finally:
                self.in_token_read = False

        cache.primary.get, cache.primary.get_many = get, get_many


def test_a_request_reads_a_key_from_the_shared_store_once(request):
    cache = node(request.node.name)
    cache.set("fragment", "<header>", 600)  # outside a request: written to the store only
    reads = CountingReads(cache)
    for _ in range(2):
        with request_scope():
            assert [cache.get("fragment") for _ in range(3)] == ["<header>"] * 3
    assert reads.count == 1
    other = node(request.node.name)
    reads = CountingReads(other)
    with request_scope():
        other.set("menu", "<nav>", 600)  # inside one: kept as it is written
    with request_scope():
        assert other.get("menu") == "<nav>" and other.get("fragment") == "<header>"
    assert reads.count == 1


def test_emptying_the_cache_on_one_node_is_seen_by_the_others_at_their_next_request(request):
    a, b = node(request.node.name), node(request.node.name)
    with request_scope():
        a.set("site", "old name", 600)
        assert b.get("site") == "old name"
    a.delete_pattern("*") if hasattr(a.primary, "delete_pattern") else a.clear()
    with request_scope():
        assert b.get("site") is None  # not the copy b kept
        a.set("site", "new name", 600)
    with request_scope():
        assert b.get("site") == "new name"


def test_deleting_one_key_on_one_node_is_seen_by_the_others(request):
    a, b = node(request.node.name), node(request.node.name)
    a.set("glossary", ("KH&CN",), 600)
    with request_scope():
        assert b.get("glossary") == ("KH&CN",)
    a.delete("glossary")
    with request_scope():
        assert b.get("glossary") is None
    a.set("renditions", {"r1": 1, "r2": 2}, 600)
    a.set_many({"r1": 1, "r2": 2}, 600)
    with request_scope():
        assert b.get_many(["r1", "r2"]) == {"r1": 1, "r2": 2}
    a.delete_many(["r1"])
    with request_scope():
        assert b.get_many(["r1", "r2"]) == {"r2": 2}
    a.set("version", 1, 600)
    with request_scope():
        assert b.get("version") == 1
    a.incr("version")
    with request_scope():
        assert b.get("version") == 2


def test_outside_a_request_every_read_goes_to_the_shared_store(request):
    a, b = node(request.node.name), node(request.node.name)
    with request_scope():
        a.set("route", 1, 600)
        assert a.get("route") == 1
    reads = CountingReads(a)
    b.set("route", 2, 600)  # the contract says a key keeps one value; outside requests it is read anew
    assert a.get("route") == 2 and a.get("route") == 2
    assert reads.count == 2


def test_whole_pages_are_never_kept_in_the_process(request):
    cache = node(request.node.name, SHARED_ONLY_PREFIXES=("page-data.",))
    with request_scope():
        cache.set("page-data.abc", b"<html>", 60)
        cache.set("site", "s", 60)
    assert not kept(cache, "page-data.abc") and kept(cache, "site")
    reads = CountingReads(cache)
    with request_scope():
        assert cache.get("page-data.abc") == b"<html>" and cache.get("site") == "s"
    assert reads.count == 1


def test_a_kept_copy_lives_no_longer_than_its_timeout_or_near_seconds(request):
    cache = node(request.node.name, NEAR_SECONDS=0.2)
    with request_scope():
        cache.set("short", "x", 0.05)
        cache.set("long", "y", 600)
    time.sleep(0.3)
    reads = CountingReads(cache)
    with request_scope():
        assert cache.get("short") is None  # gone from the store too
        assert cache.get("long") == "y"
    assert reads.count == 2


def test_a_missing_generation_token_starts_a_new_one(request):
    a, b = node(request.node.name), node(request.node.name)
    with request_scope():
        a.set("menu", "m", 600)
    a.primary.delete(GENERATION_KEY)  # evicted by Redis, say
    a.primary.set("menu", "changed", 600)
    with request_scope():
        assert a.get("menu") == "changed" and b.get("menu") == "changed"


def test_while_the_server_is_down_the_process_memory_layer_is_skipped(caplog):
    cache = LayeredCache(DOWN, {"OPTIONS": {"OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2}}})
    with request_scope():
        cache.set("site", "s", 60)  # kept by the failover's memory, not as a generation's copy
        assert cache.get("site") == "s"
    assert cache.degraded and not kept(cache, "site")


def test_copies_are_private_to_each_read_except_strings(request):
    cache = node(request.node.name, NEAR_MAX_ENTRIES=2)
    with request_scope():
        cache.set("memo", {"crumbs": ["Tin tức"]}, 600)
        cache.get("memo")["crumbs"].append("changed by one request")
        assert cache.get("memo") == {"crumbs": ["Tin tức"]}
        cache.set("a", "<p>", 600)
        cache.set("b", "<q>", 600)  # beyond two entries the least recently used goes
    assert kept(cache, "a") and kept(cache, "b") and not kept(cache, "memo")


def test_live_values_are_read_with_the_token_and_their_changes_keep_the_copies(request):
    options = {"SHARED_ONLY_PREFIXES": ("live:",), "READ_WITH_GENERATION": ("live:counters",)}
    a, b = node(request.node.name, **options), node(request.node.name, **options)
    a.set("live:counters", {"answered": 3}, 60)
    with request_scope():
        b.set("menu", "<nav>", 600)
    reads = CountingReads(b)
    with request_scope():
        assert b.get("live:counters") == {"answered": 3} and b.get("menu") == "<nav>"
    a.delete("live:counters")  # a petition was sent: the counts are dropped, the copies stay good
    with request_scope():
        assert b.get("live:counters") is None and b.get("menu") == "<nav>"
    assert reads.count == 0  # the counters, missing from the token's round trip, not looked up again
    assert not kept(b, "live:counters")


def test_renditions_follow_the_pages_token(settings):
    from django.core.cache import caches

    layered = {"BACKEND": "portal.core.layeredcache.LayeredCache", "LOCATION": "renditions-token-test"}
    settings.CACHES = {
        **settings.CACHES,
        "pages": {**layered, "OPTIONS": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        "renditions": {
            **layered,
            "KEY_PREFIX": "r",
            "OPTIONS": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "GENERATION_OF": "pages"},
        },
    }
    pages, renditions = caches["pages"], caches["renditions"]
    with request_scope() as scope:
        renditions.set("wagtail-rendition-1", "r1", 600)
        pages.set("header", "<h>", 600)
        assert len([slot for slot in scope if slot[0] == "layered-cache"]) == 1  # one token read
    renditions.delete("wagtail-rendition-1")  # an image changed: the pages' copies go too
    reads = CountingReads(pages)
    with request_scope():
        assert pages.get("header") == "<h>"
    assert reads.count == 1


def test_the_request_scope_remembers_only_inside_a_request():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert remembered("k", compute) == 1 and remembered("k", compute) == 2
    with request_scope():
        assert remembered("k", compute) == 3 and remembered("k", compute) == 3
        with request_scope():
            assert remembered("k", compute) == 3  # a nested scope is the same request
    assert remembered("k", compute) == 4


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set")
def test_two_nodes_over_redis(request):
    from uuid import uuid4

    params = {
        "KEY_PREFIX": f"layered-test-{uuid4().hex}",
        "OPTIONS": {"BACKEND": "django_redis.cache.RedisCache", "SHARED_ONLY_PREFIXES": ("page-data.",)},
    }
    a, b = LayeredCache(os.environ["REDIS_URL"], params), LayeredCache(os.environ["REDIS_URL"], params)
    try:
        with request_scope():
            a.set("header", "<h>", 600)
            assert b.get("header") == "<h>"
        a.delete_pattern("*")
        with request_scope():
            assert b.get("header") is None
            a.set("header", "<h2>", 600)
        with request_scope():
            assert b.get("header") == "<h2>"
    finally:
        a.delete_pattern("*")
