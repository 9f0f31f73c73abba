"""Fact tables take every field of their models, one name per meaning; native types on PostgreSQL.

* New columns, filled from each stored Analysis: `articles.dateline`, `removed`, `sentences`,
  `summary`; `article_entities.affiliation_local_id`, `kb`; `quantities.claimant_local_id`;
  `places.entity_local_id`, `resolved_by`, `confidence`.
* Renamed: `mentions.local_id` and `event_actors.local_id` → `entity_local_id` (the entity's
  article-local id, not the row's). Dropped: `quotes.speaker_name` (the speaker's name is that of
  the entity `speaker_id`; the article's name for it stays in the Analysis).
* PostgreSQL: `articles.published` is a `timestamptz` (a date alone is its midnight UTC, a time
  without a zone is UTC, an unreadable value null), the Analysis, `authors`, every list column
  and `story_links.evidence` `jsonb`; the column comments of fact columns go
  (docs/data-dictionary.md documents them).
* SQLite: `articles.published` and the stories' dates take one text form (`YYYY-MM-DD` at
  midnight UTC, else the UTC date-time); the full-text tables are made again naming their content
  table in double quotes (`content="quotes"`), the form Datasette's `detect_fts` recognises.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import orjson
import sqlalchemy as sa
from alembic import op

from newsgraph.rows import published_text

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

NEW_COLUMNS = (
    ("articles", "dateline", sa.Text()),
    ("articles", "removed", sa.Text()),
    ("articles", "sentences", sa.Text()),
    ("articles", "summary", sa.Text()),
    ("article_entities", "affiliation_local_id", sa.String(20)),
    ("article_entities", "kb", sa.Text()),
    ("quantities", "claimant_local_id", sa.String(20)),
    ("places", "entity_local_id", sa.String(20)),
    ("places", "resolved_by", sa.String(20)),
    ("places", "confidence", sa.Float()),
)
RENAMED = (("mentions", "local_id", "entity_local_id"), ("event_actors", "local_id", "entity_local_id"))
JSON_COLUMNS = (
    ("articles", "analysis"),
    ("articles", "authors"),
    ("articles", "removed"),
    ("articles", "sentences"),
    ("articles", "summary"),
    ("article_entities", "roles"),
    ("article_entities", "aliases"),
    ("quotes", "fragments"),
    ("events", "context"),
    ("places", "mentions"),
    ("story_links", "evidence"),
)
OLD_COMMENTS = (
    ("articles", "hash", "SHA-256 of the cleaned text."),
    ("articles", "doc_id", "The input's id (Analysis.id)."),
    ("articles", "url", "The first URL it was seen at; all are in article_urls."),
    (
        "articles",
        "published_source",
        "Where the date came from: given, html, url, dateline or text (Analysis.published_source).",
    ),
    ("articles", "authors", "JSON list of names."),
    ("articles", "analysis", "The full Analysis JSON as produced."),
    ("article_entities", "roles", "JSON list."),
    ("article_entities", "aliases", "JSON list."),
    ("quotes", "fragments", "JSON list of spans, for a quote split around its cue."),
    ("events", "context", "JSON list."),
    ("places", "mentions", "JSON list of spans."),
)
ANALYSIS_COMMENT = "The full Analysis, as produced (JSON)."
SPEAKER_NAME_COMMENT = "The speaker entity's name in the article."

# PostgreSQL: values the old columns hold that a plain cast rejects become NULL (a date) or lose
# their NUL characters (JSON: jsonb cannot hold \u0000), instead of failing the migration.
PG_FUNCTIONS = (
    r"""CREATE OR REPLACE FUNCTION pg_temp.newsgraph_instant(value text) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF value !~ '^\d{4}-\d{2}-\d{2}' THEN RETURN NULL; END IF;
  RETURN value::timestamptz;
EXCEPTION WHEN others THEN RETURN NULL;
END $$""",
    r"""CREATE OR REPLACE FUNCTION pg_temp.newsgraph_jsonb(value text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN value::jsonb;
EXCEPTION WHEN others THEN
  RETURN regexp_replace(value, '(?<!\\)((\\\\)*)\\u0000', '\1\\ufffd', 'g')::jsonb;
END $$""",
)
PG_PUBLISHED_TEXT = (
    "CASE WHEN published = date_trunc('day', published) THEN to_char(published, 'YYYY-MM-DD') "
    """ELSE to_char(published, 'YYYY-MM-DD"T"HH24:MI:SS') || '+00:00' END"""
)


def _fts(quote: str) -> list[str]:
    """The SQLite full-text tables and their triggers, the content table named in `quote`s."""
    statements = []
    for table, columns in (("articles", ("title", "text")), ("quotes", ("text",))):
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        fts = f"{table}_fts"
        statements += [
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content={quote}{table}{quote}, "
            f"content_rowid={quote}id{quote}, tokenize='porter unicode61 remove_diacritics 2')",
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {cols} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        ]
    return statements


def _drop_fts() -> None:
    for table in ("articles", "quotes"):
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{event}")
        op.execute(f"DROP TABLE IF EXISTS {table}_fts")


def _analyses(conn: sa.Connection) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (article id, its Analysis as a dict) for every stored article, 500 at a time."""
    last = 0
    while True:
        rows = conn.execute(
            sa.text("SELECT id, analysis FROM articles WHERE id > :last ORDER BY id LIMIT 500"),
            {"last": last},
        ).all()
        if not rows:
            return
        for article_id, analysis in rows:
            yield article_id, analysis if isinstance(analysis, dict) else orjson.loads(analysis)
        last = rows[-1][0]


def _json(value: Any) -> str | None:
    return orjson.dumps(value).decode() if value else None


def _updates(article_id: int, data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The new columns' values of one article's rows, by UPDATE statement."""
    out: dict[str, list[dict[str, Any]]] = {
        "article": [
            {
                "id": article_id,
                "dateline": data.get("dateline"),
                "removed": _json(data.get("removed")),
                "sentences": _json(data.get("sentences")),
                "summary": _json(data.get("summary")),
            }
        ],
        "entity": [],
        "quantity": [],
        "place": [],
    }
    for entity in data.get("entities") or ():
        if entity.get("affiliation") or entity.get("kb"):
            out["entity"].append(
                {"a": article_id, "l": entity["id"], "aff": entity.get("affiliation"), "kb": entity.get("kb")}
            )
    for seq, quantity in enumerate(data.get("quantities") or (), start=1):
        if quantity.get("claimant"):
            out["quantity"].append({"a": article_id, "seq": seq, "c": quantity["claimant"]})
    for place in data.get("places") or ():
        out["place"].append(
            {
                "a": article_id,
                "l": place["id"],
                "e": place.get("entity"),
                "r": place.get("resolved_by"),
                "c": place.get("confidence"),
            }
        )
    return out


UPDATES = {
    "article": "UPDATE articles SET dateline = :dateline, removed = :removed, sentences = :sentences, "
    "summary = :summary WHERE id = :id",
    "entity": "UPDATE article_entities SET affiliation_local_id = :aff, kb = :kb "
    "WHERE article_id = :a AND local_id = :l",
    "quantity": "UPDATE quantities SET claimant_local_id = :c WHERE article_id = :a AND seq = :seq",
    "place": "UPDATE places SET entity_local_id = :e, resolved_by = :r, confidence = :c "
    "WHERE article_id = :a AND local_id = :l",
}


def _backfill(
    conn: sa.Connection,
    updates: Callable[[int, dict[str, Any]], dict[str, list[dict[str, Any]]]],
    statements: dict[str, str],
) -> None:
    """Run `statements` with the parameters `updates` gives for every stored analysis, in chunks."""
    pending: dict[str, list[dict[str, Any]]] = {name: [] for name in statements}
    for article_id, data in _analyses(conn):
        for name, params in updates(article_id, data).items():
            pending[name] += params
        if sum(len(params) for params in pending.values()) >= 5000:
            _flush(conn, statements, pending)
    _flush(conn, statements, pending)


def _flush(conn: sa.Connection, statements: dict[str, str], pending: dict[str, list[dict[str, Any]]]) -> None:
    for name, params in pending.items():
        if params:
            conn.execute(sa.text(statements[name]), params)
            params.clear()


def _canonical_dates(conn: sa.Connection, columns: tuple[tuple[str, str], ...]) -> None:
    """Rewrite text publication dates in their one text form (`published_text`)."""
    for table, column in columns:
        rows = conn.execute(sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL")).all()
        changed = [{"id": i, "v": published_text(v)} for i, v in rows if published_text(v) != v]
        if changed:
            conn.execute(sa.text(f"UPDATE {table} SET {column} = :v WHERE id = :id"), changed)


STORY_DATES = (("stories", "first_published"), ("stories", "last_published"))


def upgrade() -> None:
    """Add, rename and drop the columns, fill the new ones, and convert the types (see above)."""
    conn = op.get_bind()
    dialect = conn.dialect.name
    for table, column, kind in NEW_COLUMNS:
        op.add_column(table, sa.Column(column, kind, nullable=True))
    for table, old, new in RENAMED:
        op.execute(f"ALTER TABLE {table} RENAME COLUMN {old} TO {new}")
    op.execute("ALTER TABLE quotes DROP COLUMN speaker_name")
    _backfill(conn, _updates, UPDATES)
    if dialect == "postgresql":
        _canonical_dates(conn, STORY_DATES)
        _upgrade_postgres()
    elif dialect == "sqlite":
        _canonical_dates(conn, (("articles", "published"), *STORY_DATES))
        _drop_fts()
        for statement in _fts('"'):
            op.execute(statement)


def _upgrade_postgres() -> None:
    op.execute("SET LOCAL TIME ZONE 'UTC'")
    for function in PG_FUNCTIONS:
        op.execute(function)
    for table, column, _ in OLD_COMMENTS:
        op.execute(f"COMMENT ON COLUMN {table}.{column} IS NULL")
    op.execute(f"COMMENT ON COLUMN articles.analysis IS '{ANALYSIS_COMMENT}'")
    op.execute(
        "ALTER TABLE articles ALTER COLUMN published TYPE timestamptz "
        "USING pg_temp.newsgraph_instant(published)"
    )
    for table, column in JSON_COLUMNS:
        op.execute(
            f"ALTER TABLE {table} ALTER COLUMN {column} TYPE jsonb USING pg_temp.newsgraph_jsonb({column})"
        )
    op.execute("DROP FUNCTION pg_temp.newsgraph_instant(text)")
    op.execute("DROP FUNCTION pg_temp.newsgraph_jsonb(text)")


def _speaker_names(article_id: int, data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    names = {e["id"]: e["name"] for e in data.get("entities") or ()}
    return {
        "quote": [
            {"a": article_id, "l": q["id"], "n": names.get(q.get("speaker") or "")}
            for q in data.get("quotes") or ()
            if q.get("speaker") in names
        ]
    }


def downgrade() -> None:
    """Undo `upgrade`: the old types, columns and full-text tables (the dropped speaker names
    filled again from the analyses)."""
    conn = op.get_bind()
    dialect = conn.dialect.name
    if dialect == "postgresql":
        op.execute("SET LOCAL TIME ZONE 'UTC'")
        op.execute(
            f"ALTER TABLE articles ALTER COLUMN published TYPE varchar(40) USING ({PG_PUBLISHED_TEXT})"
        )
        for table, column in JSON_COLUMNS:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE text USING {column}::text")
        for table, column, comment in OLD_COMMENTS:
            quoted = comment.replace("'", "''")
            op.execute(f"COMMENT ON COLUMN {table}.{column} IS '{quoted}'")
    elif dialect == "sqlite":
        _drop_fts()
        for statement in _fts("'"):
            op.execute(statement)
    op.add_column("quotes", sa.Column("speaker_name", sa.Text(), nullable=True, comment=SPEAKER_NAME_COMMENT))
    _backfill(
        conn,
        _speaker_names,
        {"quote": "UPDATE quotes SET speaker_name = :n WHERE article_id = :a AND local_id = :l"},
    )
    for table, old, new in RENAMED:
        op.execute(f"ALTER TABLE {table} RENAME COLUMN {new} TO {old}")
    for table, column, _ in reversed(NEW_COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
