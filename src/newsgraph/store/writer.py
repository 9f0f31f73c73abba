"""Write analyses into the store: batched, idempotent and deterministic.

    writer = Writer(engine)
    outcomes = writer.write([analysis_json, analysis_json, ...])   # one transaction

Each batch is one transaction. Inside it the writer takes the write lock, reads the next free
id of each table, and stores the articles in order: an article whose content hash is already
stored is a `Duplicate` (its URL is added to `article_urls`); a new one gets the next article id,
its entities are resolved to stored entities (`identity`), its near-duplicates are found
(`dedup`: it becomes a copy of the first of them), it joins the story of the event it reports
(`stories`), and all its facts are written; last, the batch's new articles are matched against the
saved watches (`watches.match`). Nothing outside the database carries
state between batches, so a batch either lands whole or not at all, and an ingest killed at any
moment and run again produces the same rows, with the same ids, as one uninterrupted run.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, String, Table, Text, func, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DataError, DBAPIError

from newsgraph.models import Analysis
from newsgraph.store import schema as s
from newsgraph.store.db import bump_version, write_connection, write_lock
from newsgraph.store.dedup import MinHasher, Signature, signature_from_bytes, similarity
from newsgraph.store.identity import EntityResolver
from newsgraph.store.stories import StoryAssigner
from newsgraph.store.watches.match import match_stored

LOGGER = logging.getLogger(__name__)

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

AnalysisLike = Analysis | bytes | str | dict[str, Any]


@dataclass(frozen=True, slots=True)
class SeenAgain:
    """An input known to be stored already (same content hash): only its URL is recorded."""

    hash: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Stored:
    """A new article was stored."""

    article_id: int
    hash: str
    story_id: int | None


@dataclass(frozen=True, slots=True)
class Duplicate:
    """The article's content hash was stored already; its URL (if new) was added."""

    article_id: int
    hash: str


Outcome = Stored | Duplicate


FACT_TABLES = (
    s.article_entities,
    s.mentions,
    s.quotes,
    s.events,
    s.event_actors,
    s.quantities,
    s.times,
    s.places,
)
"""The tables of an article's facts, parents first: written in bulk (COPY on PostgreSQL)."""

ENTITY_COLUMNS = {
    "article_entities": ("entity_id", "affiliation_id"),
    "mentions": ("entity_id",),
    "quotes": ("speaker_id",),
    "event_actors": ("entity_id",),
    "quantities": ("claimant_id",),
    "places": ("entity_id",),
}
"""The columns of the fact rows that hold an entity id."""

MAX_URL_BYTES = 2000
"""Longer URLs stay in the Analysis and `articles.url` but not in the indexed `article_urls`."""


def indexable_url(url: str | None) -> bool:
    """Return True for a URL short enough for the `article_urls` index."""
    return url is not None and 0 < len(url.encode("utf-8", "surrogatepass")) <= MAX_URL_BYTES


@functools.cache
def _limits(table: Table) -> dict[str, int]:
    return {
        c.name: c.type.length
        for c in table.columns
        if isinstance(c.type, String) and not isinstance(c.type, Text) and c.type.length
    }


def fit(table: Table, row: dict[str, Any], limits: dict[str, int] | None = None) -> dict[str, Any]:
    """Return the row with strings cut to their column's length (PostgreSQL rejects longer ones).

    The full values stay in the stored Analysis JSON.
    """
    limits = _limits(table) if limits is None else limits
    over = {k: v[:n] for k, n in limits.items() if isinstance(v := row.get(k), str) and len(v) > n}
    return {**row, **over} if over else row


def published_day(published: str | None) -> str | None:
    """Return the `YYYY-MM-DD` day of an ISO 8601 date, or None."""
    if published and _DAY.match(published):
        return published[:10]
    return None


def _json(value: Any) -> str | None:
    if value is None or value == []:
        return None
    return orjson.dumps(value).decode()


def _load(item: AnalysisLike) -> tuple[dict[str, Any], str]:
    if isinstance(item, Analysis):
        raw = item.to_json()
        return orjson.loads(raw), raw.decode()
    if isinstance(item, bytes):
        return orjson.loads(item), item.decode()
    if isinstance(item, str):
        return orjson.loads(item), item
    return item, orjson.dumps(item).decode()


class _Ids:
    """Next free ids, read once per transaction (the write lock is held)."""

    def __init__(self, conn: Connection) -> None:
        self._next: dict[str, int] = {}
        for table in s.ID_TABLES:
            self._next[table.name] = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1

    def take(self, table: Table) -> int:
        value = self._next[table.name]
        self._next[table.name] = value + 1
        return value


class Writer:
    """Store analyses in batches; see the module docstring.

    Args:
        engine: an engine from `open_store` (schema migrated).
        stories: find near-duplicates (MinHash LSH) and group articles into same-event stories.
        hasher: the MinHash settings (threshold, permutations, seed).
    """

    def __init__(self, engine: Engine, *, stories: bool = True, hasher: MinHasher | None = None) -> None:
        self.engine = engine
        self.stories = stories
        self.hasher = hasher or MinHasher()
        self._insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert

    def write(self, batch: Sequence[AnalysisLike | SeenAgain]) -> list[Outcome | None]:
        """Store a batch in one transaction; return one outcome per item.

        A `SeenAgain` whose hash is not stored (it cannot happen in an ingest) gives None.
        """
        if not batch:
            return []
        with write_connection(self.engine) as conn, conn.begin():
            write_lock(conn)
            bump_version(conn)
            return _Batch(self, conn).run(batch)

    def known_hashes(self) -> set[str]:
        """Return the content hashes of every stored article."""
        with self.engine.connect() as conn:
            return {row[0] for row in conn.execute(select(s.articles.c.hash))}


class _Batch:
    """One transaction's worth of writing."""

    def __init__(self, writer: Writer, conn: Connection) -> None:
        self.writer = writer
        self.conn = conn
        self.ids = _Ids(conn)
        self.resolver = EntityResolver(conn, lambda: self.ids.take(s.entities))
        self.stories = StoryAssigner(conn)
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.sources: dict[str, int] = {}
        self.by_hash: dict[str, int] = {}
        self.nul = False  # some input holds a NUL character (PostgreSQL text cannot)

    def run(self, batch: Sequence[AnalysisLike | SeenAgain]) -> list[Outcome | None]:
        loaded: list[tuple[dict[str, Any], str] | SeenAgain] = [
            item if isinstance(item, SeenAgain) else _load(item) for item in batch
        ]
        self.nul = any(
            not isinstance(item, SeenAgain) and ("\\u0000" in item[1] or "\x00" in item[1]) for item in loaded
        )
        hashes = {item.hash if isinstance(item, SeenAgain) else item[0]["hash"] for item in loaded}
        for chunk in _chunks(sorted(hashes), 500):
            rows = self.conn.execute(
                select(s.articles.c.id, s.articles.c.hash).where(s.articles.c.hash.in_(chunk))
            )
            self.by_hash.update({row.hash: row.id for row in rows})
        self.resolver.prepare(
            item[0]
            for item in loaded
            if not isinstance(item, SeenAgain) and item[0]["hash"] not in self.by_hash
        )
        outcomes: list[Outcome | None] = []
        urls: list[dict[str, Any]] = []
        for item in loaded:
            if isinstance(item, SeenAgain):
                article_id = self.by_hash.get(item.hash)
                if article_id is None:
                    outcomes.append(None)
                    continue
                if indexable_url(item.url):
                    urls.append({"article_id": article_id, "url": item.url})
                outcomes.append(Duplicate(article_id, item.hash))
                continue
            data, raw = item
            existing = self.by_hash.get(data["hash"])
            if existing is not None:
                if indexable_url(data.get("url")):
                    urls.append({"article_id": existing, "url": data["url"]})
                outcomes.append(Duplicate(existing, data["hash"]))
                continue
            outcomes.append(self._store(data, raw))
        self.resolver.flush()
        if self.resolver.merged:
            self._remap_entities()
        self._flush()
        self.resolver.finish()
        if urls:
            unique = list({(u["article_id"], u["url"]): u for u in urls}.values())
            stmt = self.writer._insert(s.article_urls).values(unique)
            self.conn.execute(stmt.on_conflict_do_nothing(index_elements=["article_id", "url"]))
        match_stored(  # the watches: matches and webhook deliveries land with their articles
            self.conn,
            (
                (outcome.article_id, item[0])
                for outcome, item in zip(outcomes, loaded, strict=True)
                if isinstance(outcome, Stored) and not isinstance(item, SeenAgain)
            ),
            moved=self.stories.moved,
            merged=self.stories.merged,
        )
        return outcomes

    def _source_id(self, name: str | None) -> int | None:
        if not name or not name.strip():
            return None
        name = name.strip()[: _limits(s.sources)["name"]]
        if name in self.sources:
            return self.sources[name]
        found = self.conn.execute(select(s.sources.c.id).where(s.sources.c.name == name)).scalar()
        if found is None:
            found = self.ids.take(s.sources)
            self.conn.execute(s.sources.insert().values(id=found, name=name))
        self.sources[name] = found
        return found

    def _store(self, data: dict[str, Any], raw: str) -> Stored:
        article_id = self.ids.take(s.articles)
        self.by_hash[data["hash"]] = article_id
        source_id = self._source_id(data.get("source"))
        published = data.get("published")
        day = published_day(published)
        signature = self.writer.hasher.signature(data["text"]) if self.writer.stories else None
        copies = self._near_duplicates(signature) if signature is not None else []
        row = {
            "id": article_id,
            "hash": data["hash"],
            "doc_id": str(data.get("id") or data["hash"][:16])[:300],
            "source_id": source_id,
            "story_id": None,
            "copy_of": self._copy_of(copies),
            "url": data.get("url"),
            "title": data.get("title"),
            "published": published,
            "published_day": day,
            "published_source": data.get("published_source"),
            "language": data.get("language"),
            "authors": _json(data.get("authors")),
            "text": data["text"],
            "analysis": raw,
        }
        story_id = None
        if self.writer.stories:
            self.conn.execute(s.articles.insert().values(**fit(s.articles, row)))
            members = self.resolver.members(data)
            story_id = self.stories.assign(article_id, data, members, day, copies)
        else:  # nothing reads it back inside the batch: insert with the others
            self.rows["articles"].append(row)
        if indexable_url(data.get("url")):
            self.rows["article_urls"].append({"article_id": article_id, "url": data["url"]})
        if signature is not None:
            self._index(article_id, signature)
        self._facts(article_id, data, source_id, day)
        return Stored(article_id, data["hash"], story_id)

    # ── near-duplicates ──────────────────────────────────────────────────────────────────────
    def _near_duplicates(self, signature: Signature) -> list[int]:
        """Return the stored articles whose MinHash similarity reaches the threshold, closest first."""
        bands = list(enumerate(signature.bands))
        candidates: set[int] = set()
        for chunk in _chunks(bands, 100):
            rows = self.conn.execute(
                select(s.minhash_bands.c.article_id)
                .where(tuple_(s.minhash_bands.c.band, s.minhash_bands.c.key).in_(chunk))
                .distinct()
            )
            candidates.update(row[0] for row in rows)
        found: list[tuple[float, int]] = []
        for chunk in _chunks(sorted(candidates), 500):
            rows = self.conn.execute(
                select(s.article_minhash.c.article_id, s.article_minhash.c.signature).where(
                    s.article_minhash.c.article_id.in_(chunk)
                )
            )
            for row in rows:
                score = similarity(signature.values, signature_from_bytes(row.signature))
                if score >= self.writer.hasher.threshold:
                    found.append((-score, int(row.article_id)))
        return [article_id for _, article_id in sorted(found)]

    def _copy_of(self, copies: list[int]) -> int | None:
        """Return the first copy of the closest near-duplicate (marked so, if it is that first one)."""
        if not copies:
            return None
        match_id = copies[0]
        first = self.conn.execute(select(s.articles.c.copy_of).where(s.articles.c.id == match_id)).scalar()
        if first is None:
            self.conn.execute(update(s.articles).where(s.articles.c.id == match_id).values(copy_of=match_id))
            return match_id
        return int(first)

    def _index(self, article_id: int, signature: Signature) -> None:
        self.conn.execute(
            s.article_minhash.insert().values(article_id=article_id, signature=signature.to_bytes())
        )
        rows = [{"band": i, "key": key, "article_id": article_id} for i, key in enumerate(signature.bands)]
        stmt = self.writer._insert(s.minhash_bands).values(rows)
        self.conn.execute(stmt.on_conflict_do_nothing(index_elements=["band", "key", "article_id"]))

    # ── facts ────────────────────────────────────────────────────────────────────────────────
    def _facts(self, article_id: int, data: dict[str, Any], source_id: int | None, day: str | None) -> None:
        rows = self.rows
        local = self.resolver.article(data)
        names = {entity["id"]: entity["name"] for entity in data.get("entities", [])}
        base = {member.local_id: member.base for member in self.resolver.members(data)}
        seq = 0
        for entity in data.get("entities", []):
            rows["article_entities"].append(
                {
                    "article_id": article_id,
                    "local_id": entity["id"],
                    "entity_id": local[entity["id"]],
                    "name": entity["name"],
                    "type": entity["type"],
                    "roles": _json(entity.get("roles")),
                    "aliases": _json(entity.get("aliases")),
                    "affiliation_id": local.get(entity.get("affiliation") or ""),
                    "sector": entity.get("sector"),
                    "country": entity.get("country"),
                    "mention_count": len(entity.get("mentions", [])),
                    "published_day": day,
                    "identity_keys": None
                    if base[entity["id"]] is None
                    else orjson.dumps(base[entity["id"]]).decode(),
                }
            )
            for mention in entity.get("mentions", []):
                seq += 1
                rows["mentions"].append(
                    {
                        "article_id": article_id,
                        "seq": seq,
                        "entity_id": local[entity["id"]],
                        "local_id": entity["id"],
                        "start": mention["start"],
                        "end": mention["end"],
                        "text": mention["text"],
                        "kind": mention.get("kind", "name"),
                    }
                )
        for quote in data.get("quotes", []):
            speaker = quote.get("speaker")
            rows["quotes"].append(
                {
                    "id": self.ids.take(s.quotes),
                    "article_id": article_id,
                    "local_id": quote["id"],
                    "kind": quote["kind"],
                    "start": quote["start"],
                    "end": quote["end"],
                    "text": quote["text"],
                    "fragments": _json(quote.get("fragments")),
                    "speaker_id": local.get(speaker or ""),
                    "speaker_local_id": speaker,
                    "speaker_name": names.get(speaker or ""),
                    "speaker_text": quote.get("speaker_text"),
                    "speaker_start": quote.get("speaker_start"),
                    "speaker_end": quote.get("speaker_end"),
                    "cue": quote.get("cue"),
                    "cue_start": quote.get("cue_start"),
                    "cue_end": quote.get("cue_end"),
                    "sentence": quote.get("sentence"),
                    "source_id": source_id,
                    "published_day": day,
                }
            )
        places = {p["id"]: p for p in data.get("places", [])}
        times = {t["id"]: t for t in data.get("times", [])}
        for event in data.get("events", []):
            event_id = self.ids.take(s.events)
            place = places.get(event.get("place") or "", {})
            time = times.get(event.get("time") or "", {})
            trigger = event["trigger"]
            rows["events"].append(
                {
                    "id": event_id,
                    "article_id": article_id,
                    "local_id": event["id"],
                    "type": event["type"],
                    "mode": event.get("mode"),
                    "context": _json(event.get("context")),
                    "cameo": event.get("cameo"),
                    "source_text": event.get("source_text"),
                    "target_text": event.get("target_text"),
                    "trigger_start": trigger["start"],
                    "trigger_end": trigger["end"],
                    "trigger_text": trigger["text"],
                    "place_local_id": event.get("place"),
                    "place_text": event.get("place_text"),
                    "place_name": place.get("name"),
                    "country": place.get("country"),
                    "lat": place.get("lat"),
                    "lon": place.get("lon"),
                    "time_local_id": event.get("time"),
                    "time_text": event.get("time_text"),
                    "time_value": time.get("value"),
                    "negated": bool(event.get("negated", False)),
                    "dead": event.get("dead"),
                    "injured": event.get("injured"),
                    "size": event.get("size"),
                    "confidence": event.get("confidence", 1.0),
                    "sentence": event.get("sentence", 0),
                    "source_id": source_id,
                    "published_day": day,
                }
            )
            for role in ("source", "target"):
                for position, local_id in enumerate(event.get(role, [])):
                    if local_id in local:
                        rows["event_actors"].append(
                            {
                                "event_id": event_id,
                                "role": role,
                                "position": position,
                                "entity_id": local[local_id],
                                "local_id": local_id,
                            }
                        )
        for number, quantity in enumerate(data.get("quantities", []), start=1):
            rows["quantities"].append(
                {
                    "id": self.ids.take(s.quantities),
                    "article_id": article_id,
                    "seq": number,
                    "start": quantity["start"],
                    "end": quantity["end"],
                    "text": quantity["text"],
                    "value": quantity.get("value"),
                    "low": quantity.get("low"),
                    "high": quantity.get("high"),
                    "approximate": bool(quantity.get("approximate", False)),
                    "unit": quantity.get("unit"),
                    "kind": quantity.get("kind", "count"),
                    "currency": quantity.get("currency"),
                    "base": quantity.get("base"),
                    "claimant_id": local.get(quantity.get("claimant") or ""),
                    "quote_local_id": quantity.get("quote"),
                    "sentence": quantity.get("sentence", 0),
                    "source_id": source_id,
                    "published_day": day,
                }
            )
        for time in data.get("times", []):
            rows["times"].append(
                {
                    "article_id": article_id,
                    "local_id": time["id"],
                    "start": time["start"],
                    "end": time["end"],
                    "text": time["text"],
                    "type": time["type"],
                    "value": time.get("value"),
                    "mod": time.get("mod"),
                }
            )
        for place in data.get("places", []):
            if not place.get("literal", True):
                continue  # a place name inside a newspaper's or company's name: no place of the story
            rows["places"].append(
                {
                    "article_id": article_id,
                    "local_id": place["id"],
                    "entity_id": local.get(place.get("entity") or ""),
                    "name": place["name"],
                    "country": place.get("country"),
                    "admin1": place.get("admin1"),
                    "lat": place.get("lat"),
                    "lon": place.get("lon"),
                    "feature": place.get("feature"),
                    "geonameid": place.get("geonameid"),
                    "mentions": _json(place.get("mentions")),
                }
            )

    def _remap_entities(self) -> None:
        """Point the collected rows at the entities their ids were merged into."""
        final = self.resolver.final
        for table, columns in ENTITY_COLUMNS.items():
            for row in self.rows.get(table, ()):
                for column in columns:
                    if row[column] is not None:
                        row[column] = final(row[column])

    def _flush(self) -> None:
        """Insert the collected fact rows, parents before children."""
        for table in (s.articles, s.article_urls, *FACT_TABLES):
            rows = self.rows.pop(table.name, [])
            if not rows:
                continue
            if table is s.article_urls:
                stmt = self.writer._insert(table).on_conflict_do_nothing(index_elements=["article_id", "url"])
                self.conn.execute(stmt, rows)
            else:
                self._insert_many(table, rows)

    def _insert_many(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert rows without SQLAlchemy's per-row parameter work (it costs more than the insert).

        PostgreSQL: `COPY … FROM STDIN` when there are at least `COPY_MIN_ROWS` rows, else the
        driver's executemany, which SQLite always uses.
        """
        columns = [c.name for c in table.columns if c.name in rows[0]]
        limits = _limits(table)
        if limits:
            rows = [fit(table, row, limits) for row in rows]
        values = [tuple(row.get(c) for c in columns) for row in rows]
        if self.conn.dialect.name == "postgresql" and len(values) >= COPY_MIN_ROWS:
            if self.nul:  # as `db.make_engine` does for INSERTs (COPY bypasses its hook)
                values = [_without_nul(row) for row in values]
            savepoint = self.conn.begin_nested()
            try:
                copy_rows(self.conn, table, columns, values)
            except DataError as exc:
                # A value COPY's text input rejects but an INSERT casts (2.0 for an integer
                # column): redo this table's rows with INSERT; a real error raises there.
                savepoint.rollback()
                LOGGER.warning("COPY into %s failed (%s); inserting instead", table.name, exc.orig)
            else:
                savepoint.commit()
                return
        prep = self.conn.dialect.identifier_preparer
        mark = "?" if self.conn.dialect.paramstyle in ("qmark", "numeric") else "%s"
        sql = (
            f"INSERT INTO {prep.format_table(table)} ({', '.join(prep.quote(c) for c in columns)}) "
            f"VALUES ({', '.join([mark] * len(columns))})"
        )
        self.conn.exec_driver_sql(sql, values)


COPY_MIN_ROWS = 64
"""PostgreSQL fact rows go through COPY from this many rows on (see `copy_rows`).

Measured on a local server (rows of `times`, one transaction, best of two), executemany against
COPY inside its savepoint: 30 rows 0.52 ms / 0.67 ms, 100 rows 1.40 / 1.19, 1,000 rows 15.5 / 7.0,
5,000 rows 75 / 31. COPY alone wins from about 10 rows, but the savepoint that lets a rejected
COPY fall back to INSERT costs two round trips, so the two break even between 30 and 100 rows.
A load's batches hold thousands of rows per table and always take COPY; small ingest batches
keep the INSERT where it is as fast.
"""


def copy_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write rows into a PostgreSQL table with `COPY … FROM STDIN`, in the connection's transaction.

    Text format: psycopg turns each Python value into COPY's text form (tabs, newlines and
    backslashes escaped, None as NULL, bytes as bytea), so values land exactly as an INSERT
    stores them. Strings must be free of NUL, which PostgreSQL text cannot hold (COPY bypasses
    the hook of `db.make_engine` that replaces it in INSERTs). Triggers fire and generated
    columns (the `tsv` search columns) are computed as for an INSERT.

    Raises:
        sqlalchemy.exc.DBAPIError: as for an INSERT, the driver's error wrapped by SQLAlchemy
            (`DataError` for a value the column's text input rejects).
    """
    import psycopg

    prep = conn.dialect.identifier_preparer
    sql = f"COPY {prep.format_table(table)} ({', '.join(prep.quote(c) for c in columns)}) FROM STDIN"
    driver = conn.connection.driver_connection
    assert driver is not None
    try:
        with driver.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.Error as exc:
        raise DBAPIError.instance(sql, None, exc, psycopg.Error) from exc


def _without_nul(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Return the row with NUL characters replaced by U+FFFD (one for one: offsets hold)."""
    return tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) else v for v in row)


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def store_analyses(
    engine: Engine, analyses: Iterable[AnalysisLike], *, batch_size: int = 64
) -> list[Outcome]:
    """Store analyses in batches of `batch_size` (one transaction each); return their outcomes."""
    writer = Writer(engine)
    outcomes: list[Outcome] = []
    batch: list[AnalysisLike] = []
    for analysis in analyses:
        batch.append(analysis)
        if len(batch) >= batch_size:
            outcomes.extend(o for o in writer.write(batch) if o is not None)
            batch = []
    if batch:
        outcomes.extend(o for o in writer.write(batch) if o is not None)
    return outcomes
