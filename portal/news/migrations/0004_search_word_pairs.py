"""PostgreSQL: the search vector also holds each pair of neighbouring words ("khoa hoc",
"hoc va", …) as one lexeme without position, so a phrase is looked up as an AND of its pairs
that the GIN index decides alone, instead of a `<->` query that the database checks again row
by row against every candidate's stored vector (portal/news/search_engine.py,
docs/architecture.md, docs/benchmarks.md).
The words are split the way the query side splits them (portal.search.query.tsquery_literal):
runs of a-z and 0-9 in the folded text. Nothing changes on SQLite (FTS5 answers phrases from
its own index)."""

from django.db import migrations

PAIRS_FUNCTION = """
CREATE OR REPLACE FUNCTION news_word_pairs(t text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT p)), ''::tsvector) FROM (
    SELECT w || ' ' || lead(w) OVER (ORDER BY n) AS p
    FROM regexp_split_to_table(lower(t), '[^a-z0-9]+') WITH ORDINALITY AS s(w, n) WHERE w <> ''
  ) AS pairs WHERE p IS NOT NULL
$$
"""


def _vector(expression: str) -> list[str]:
    """Statements that rebuild the generated column (every row is computed again) and its index."""
    return [
        "DROP INDEX IF EXISTS news_articlesearchtext_vector",
        "ALTER TABLE news_articlesearchtext DROP COLUMN IF EXISTS vector",
        f"ALTER TABLE news_articlesearchtext ADD COLUMN vector tsvector GENERATED ALWAYS AS ({expression}) STORED",
        "CREATE INDEX news_articlesearchtext_vector ON news_articlesearchtext USING GIN (vector)",
    ]


FORWARD = [PAIRS_FUNCTION, *_vector("to_tsvector('simple'::regconfig, text) || news_word_pairs(text)")]
BACKWARD = [*_vector("to_tsvector('simple'::regconfig, text)"), "DROP FUNCTION IF EXISTS news_word_pairs(text)"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_search_index_date"),
    ]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
