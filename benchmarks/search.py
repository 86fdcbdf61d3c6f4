"""`make bench` (search part): search latency over N synthetic articles, and indexing speed.

Usage: python -m benchmarks.search [--articles N]  (database from DATABASE_URL; the default is
var/bench-search.sqlite3). The database is kept between runs: when it already holds N synthetic
articles the seeding is skipped and no indexing figure is printed.
Each query of a fixed mix runs like the search page does: count, first page of 10 (re-ranking
the first 100), highlighted excerpts. p50/p95 are over all runs of all queries; the mix runs
again narrowed to one category (every match counted and ordered there) and to a date range of
one year, as the search page narrows (inside the index, portal/news/search_tokens.py).
"""

import argparse
import datetime as dt
import os
import statistics
import time

from benchmarks.common import percentile, setup_django

setup_django("bench-search.sqlite3")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

QUERIES = [
    "hoi nghi thi dua",
    "điển hình tiên tiến",
    "chuyen doi so",
    "khoa học và công nghệ",
    "KH&CN",
    "an toan buc xa ha tinh",
    "điện mặt trời",
    "nghiem thu de tai",
    '"so huu tri tue"',
    "nong nghiep cong nghe*",
    "tu khoa khong co",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=int(os.environ.get("BENCH_SEARCH_ARTICLES", 100_000)))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from portal.news.models import ArticlePage
    from portal.news.search import highlight, search_articles
    from portal.news.selectors import live_articles
    from portal.news.synthetic import seed_synthetic

    call_command("migrate", verbosity=0)
    call_command("setup_portal", verbosity=0, stdout=open(os.devnull, "w"))
    have = ArticlePage.objects.filter(url_path__contains="/du-lieu-thu-nghiem/").count()
    index_rate = None
    if have < args.articles:
        # Wagtail's own index (admin search only) is skipped: it is not what is measured here.
        report = seed_synthetic(articles=args.articles - have, seed=have + 1, wagtail_index=False)
        index_rate = report.index_rate
    # Statistics as autovacuum would leave them: without them PostgreSQL guesses one row per
    # full-text match and plans bitmap scans over every match. (SQLite keeps no statistics
    # unless told to, and its plans here are better without.)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    total = live_articles().count()

    from portal.news.models import CategoryPage

    category = CategoryPage.objects.get(slug="chuyen-muc-thu-nghiem-1")
    in_category = live_articles().descendant_of(category)
    newest = live_articles().values_list("date", flat=True).first()
    year_ago = {"date_from": newest - dt.timedelta(days=365), "date_to": newest + dt.timedelta(seconds=1)}
    in_year = live_articles().filter(date__gte=year_ago["date_from"], date__lt=year_ago["date_to"])

    def one(query: str, narrowing: dict) -> None:
        results = search_articles(query=query, **narrowing)
        results.count()
        for article in results[0:10]:
            highlight(article, query)

    def measure(queries: list[str], **narrowing) -> tuple[list[float], dict[str, float]]:
        times: list[float] = []
        per_query: dict[str, float] = {}
        for query in queries:
            one(query, narrowing)  # warm-up
            runs = []
            for _ in range(args.runs):
                start = time.perf_counter()
                one(query, narrowing)
                runs.append((time.perf_counter() - start) * 1000)
            times += runs
            per_query[query] = statistics.median(runs)
        times.sort()
        return times, per_query

    times, per_query = measure(QUERIES)
    # The same mix narrowed to one category (a tenth of the articles): filtered searches
    # count and order every match, without the newest-matches limit of unfiltered ones.
    filtered, _ = measure(QUERIES, category=category)
    dated, _ = measure(QUERIES, **year_ago)
    print()
    print(f"{'search (' + connection.vendor + ')':<28} {'articles':>9} {'p50 ms':>8} {'p95 ms':>8} {'index art/s':>12}")
    print(
        f"{'fixed mix of ' + str(len(QUERIES)) + ' queries':<28} {total:>9} {percentile(times, 0.5):>8.1f} "
        f"{percentile(times, 0.95):>8.1f} {(f'{index_rate:.0f}' if index_rate else '(kept)'):>12}"
    )
    print(
        f"{'  same, in one category':<28} {in_category.count():>9} {percentile(filtered, 0.5):>8.1f} "
        f"{percentile(filtered, 0.95):>8.1f} {'':>12}"
    )
    print(
        f"{'  same, in one year':<28} {in_year.count():>9} {percentile(dated, 0.5):>8.1f} "
        f"{percentile(dated, 0.95):>8.1f} {'':>12}"
    )
    for query, median in sorted(per_query.items(), key=lambda kv: -kv[1])[:3]:
        print(f"  slowest: {query!r:<36} median {median:.1f} ms")


if __name__ == "__main__":
    main()
