"""Calls made at the same moment from several threads, each with its own database connection
(closed after), for the tests of counters and claims that must hold under concurrency."""

import threading


def at_once(call, times: int) -> list:
    """`call()` from `times` threads released together; their results, in finishing order."""
    from django.db import connection

    results, barrier = [], threading.Barrier(times)

    def one():
        try:
            barrier.wait()
            results.append(call())
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
