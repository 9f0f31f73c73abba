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

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, Select, Table, and_, bindparam, func, or_, select, update

from newsgraph.models import Analysis
from newsgraph.rows import fact_rows, published_day
from newsgraph.store import schema as s
from newsgraph.store.bulk import insert_rows, limits
from newsgraph.store.db import bump_version, write_connection, write_lock
from newsgraph.store.dedup import MinHasher, Signature, signature_from_bytes, similarity
from newsgraph.store.identity import EntityResolver
from newsgraph.store.stories import StoryAssigner
from newsgraph.store.watches.match import match_stored

LOGGER = logging.getLogger(__name__)

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


STORED_FACTS = (
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

MAX_URL_BYTES = 2000
"""Longer URLs stay in the Analysis and `articles.url` but not in the indexed `article_urls`."""


def indexable_url(url: str | None) -> bool:
    """Return True for a URL short enough for the `article_urls` index."""
    return url is not None and 0 < len(url.encode("utf-8", "surrogatepass")) <= MAX_URL_BYTES


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
            insert_rows(self.conn, s.article_urls, unique, unless=URL_KEY)
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
        name = name.strip()[: limits(s.sources)["name"]]
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
        day = published_day(data.get("published"))
        signature = self.writer.hasher.signature(data["text"]) if self.writer.stories else None
        copies = self._near_duplicates(signature) if signature is not None else []
        tables = fact_rows(data)
        (row,) = tables.pop("articles")
        del row["source"]  # normalized: source_id
        row.update(
            id=article_id,
            doc_id=str(row["doc_id"] or data["hash"][:16]),
            source_id=source_id,
            story_id=None,
            copy_of=self._copy_of(copies),
            published_day=day,
            analysis=raw,
        )
        story_id = None
        if self.writer.stories:  # read back by the next articles' stories: insert it now
            insert_rows(self.conn, s.articles, [row], nul=self.nul)
            members = self.resolver.members(data)
            story_id = self.stories.assign(article_id, data, members, day, copies)
        else:  # nothing reads it back inside the batch: insert with the others
            self.rows["articles"].append(row)
        if indexable_url(data.get("url")):
            self.rows["article_urls"].append({"article_id": article_id, "url": data["url"]})
        if signature is not None:
            self._index(article_id, signature)
        self._facts(article_id, data, tables, source_id, day)
        return Stored(article_id, data["hash"], story_id)

    # ── near-duplicates ──────────────────────────────────────────────────────────────────────
    def _near_duplicates(self, signature: Signature) -> list[int]:
        """Return the stored articles whose MinHash similarity reaches the threshold, closest first."""
        keys = signature.bands
        params = {**{f"b{i}": i for i in range(len(keys))}, **{f"k{i}": k for i, k in enumerate(keys)}}
        candidates = {int(row[0]) for row in self.conn.execute(_band_query(len(keys)), params)}
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
        minhash = {"article_id": article_id, "signature": signature.to_bytes()}
        insert_rows(self.conn, s.article_minhash, [minhash])
        rows = [{"band": i, "key": key, "article_id": article_id} for i, key in enumerate(signature.bands)]
        insert_rows(self.conn, s.minhash_bands, rows, unless=("band", "key", "article_id"))

    # ── facts ────────────────────────────────────────────────────────────────────────────────
    def _facts(
        self,
        article_id: int,
        data: dict[str, Any],
        tables: dict[str, list[dict[str, Any]]],
        source_id: int | None,
        day: str | None,
    ) -> None:
        """Collect an article's fact rows (`rows.fact_rows`) with the store's keys: the article,
        the rows' own ids, the stored entities their references resolve to, source and day."""
        local = self.resolver.article(data)
        base = {member.local_id: member.base for member in self.resolver.members(data)}
        for name, rows in tables.items():
            for column, reference in s.ENTITY_REFERENCES.get(name, {}).items():
                for row in rows:
                    row[column] = local.get(row[reference] or "")
            own = s.metadata.tables[name]
            ids = "id" in own.c
            dated = "published_day" in own.c
            for row in rows:
                row["article_id"] = article_id
                if ids:
                    row["id"] = self.ids.take(own)
                if dated:
                    row["published_day"] = day
                if "source_id" in own.c:
                    row["source_id"] = source_id
            self.rows[name].extend(rows)
        for row in tables["article_entities"]:
            keys = base[row["local_id"]]
            row["identity_keys"] = None if keys is None else orjson.dumps(keys).decode()
        self.rows["event_actors"].extend(_actors(tables["events"], local))

    def _remap_entities(self) -> None:
        """Point the collected rows at the entities their ids were merged into."""
        final = self.resolver.final
        for table, columns in s.ENTITY_REFERENCES.items():
            for row in self.rows.get(table, ()):
                for column in columns:
                    if row[column] is not None:
                        row[column] = final(row[column])

    def _flush(self) -> None:
        """Insert the collected fact rows, parents before children."""
        for table in (s.articles, s.article_urls, *STORED_FACTS):
            rows = self.rows.pop(table.name, [])
            if rows:
                insert_rows(
                    self.conn, table, rows, nul=self.nul, unless=URL_KEY if table is s.article_urls else ()
                )


URL_KEY = ("article_id", "url")


def _actors(events: list[dict[str, Any]], local: dict[str, int]) -> list[dict[str, Any]]:
    """Return the `event_actors` rows of an article's event rows (taking their actor lists off)."""
    out = []
    for event in events:
        for role in ("source", "target"):
            for position, local_id in enumerate(event.pop(f"{role}_actor_local_ids") or ()):
                if local_id in local:
                    out.append(
                        {
                            "event_id": event["id"],
                            "role": role,
                            "position": position,
                            "entity_id": local[local_id],
                            "entity_local_id": local_id,
                        }
                    )
    return out


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


@cache
def _band_query(bands: int) -> Select[Any]:
    """The articles sharing one of a signature's band keys: `(band = :b0 AND key = :k0) OR …`.

    An index lookup per band (SQLite scans the whole table for a row-value `IN` list, which made
    each article cost more as the store grew); built once per band count, so compiled once.
    """
    band, key = s.minhash_bands.c.band, s.minhash_bands.c.key
    match = or_(*(and_(band == bindparam(f"b{i}"), key == bindparam(f"k{i}")) for i in range(bands)))
    return select(s.minhash_bands.c.article_id).where(match).distinct()
