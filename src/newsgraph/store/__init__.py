"""The store: analyses flattened into SQL tables, on SQLite (default) or PostgreSQL.

schema.py      the tables (SQLAlchemy Core); migrations/ creates and upgrades them (Alembic)
db.py          open_store(url): engine, SQLite tuning, migrations
identity.py    cross-article entity identity (canonical name + type, aliases)
dedup.py       MinHash signatures and LSH bands: near-duplicates grouped into stories
writer.py      Writer: batched, idempotent, deterministic writes of analyses
ingest.py      ingest(paths): read → analyze on N processes → write, resumable
queries.py     typed read functions for the CLI, the API and the web UI
paging.py      keyset pagination: Page and opaque cursors
search.py      full-text search over articles and quotes (FTS5 / tsvector), with snippets
export.py      tables out as JSONL, CSV or Parquet
"""
