"""The caches with Redis (REDIS_URL set): what every node of an installation shares."""


def redis_caches(url: str, page_cache_seconds: int) -> dict:
    # Redis behind a failover (portal.core.cache): with Redis down the site keeps serving from
    # each process's memory and says so in the log. Short socket time-outs, so an unreachable
    # server costs a request at most a fraction of a second before the failover takes over.
    options = {
        "BACKEND": "django_redis.cache.RedisCache",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
    return {
        "default": {
            "BACKEND": "portal.core.cache.FailoverCache",
            "LOCATION": url,
            "KEY_PREFIX": "portal",
            "OPTIONS": options,
        },
        # What drawing a page reads. Memos and fragments (site, settings, routes, header, menus,
        # footer) are also kept in each process's memory, checked against one generation token
        # per request (portal.core.layeredcache.LayeredCache); whole pages and the live counters
        # ("live:") only in Redis, the counters read with the token in one round trip.
        "pages": {
            "BACKEND": "portal.core.layeredcache.LayeredCache",
            "LOCATION": url,
            "KEY_PREFIX": "portal-pages",
            "TIMEOUT": page_cache_seconds,
            "OPTIONS": {
                **options,
                "SHARED_ONLY_PREFIXES": ("page-data.", "live:"),
                # portal.feedback.selectors.COUNTERS_KEY, portal.visits.selectors.COUNTERS_CACHE_KEY
                "READ_WITH_GENERATION": ("live:petition-counters", "live:visit-counters"),
            },
        },
        # Wagtail looks renditions up in a cache of this name before asking the database (two
        # queries per image otherwise: the emblem, the featured image, every listing's thumbnail).
        "renditions": {
            "BACKEND": "portal.core.layeredcache.RenditionCache",
            "LOCATION": url,
            "KEY_PREFIX": "portal-renditions",
            "TIMEOUT": 86_400,
            "OPTIONS": {**options, "GENERATION_OF": "pages"},
        },
    }
