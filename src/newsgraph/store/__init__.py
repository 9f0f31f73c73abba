"""The store: analyses flattened into SQL tables, on SQLite (default) or PostgreSQL.

schema.py      the tables (SQLAlchemy Core; fact columns from newsgraph.rows); migrations/ (Alembic)
types.py       Timestamp and Json: timestamptz / jsonb on PostgreSQL, text on SQLite, one Python value
db.py          open_store(url): engine, SQLite tuning, migrations
identity.py    cross-article entity identity (canonical name + type, aliases)
dedup.py       MinHash signatures and LSH bands: near-duplicates grouped into stories
writer.py      Writer: batched, idempotent, deterministic writes of analyses
bulk.py        the writer's bulk inserts: driver values, executemany or COPY
ingest.py      ingest(paths): read → analyze on N processes → write, resumable
queries.py     typed read functions for the CLI, the API and the web UI
events.py      events by type, actor, place and date
paging.py      keyset pagination: Page and opaque cursors
search.py      full-text search over articles and quotes (FTS5 / tsvector), with snippets
export.py      tables out as JSONL, CSV or Parquet, filtered by date and source
"""
