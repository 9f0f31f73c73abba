"""Match newly stored articles against every watch, inside the writer's transaction.

    match_stored(conn, [(article_id, analysis_dict), ...], moved=…, merged=…)   # the number of matches

Called by the writer once per batch, after the batch's rows are written: a match is recorded
in the same transaction as its article, so a killed ingest loses both or neither, and a resumed
one records them again. Per batch: one query for the watch kinds in use (none: nothing more
is done), one for the articles' entity ids, the lookup of the articles' keys in `watch_keys`
(`keys.py`), and one for the definitions of the watches found; each of those is then checked
against its article in Python. The cost per article follows the article's size and the watches
it actually concerns, not the number of watches. Each match adds a row to `watch_matches` (the
watch, the fact, the time) and, when the watch has a webhook, one to the `watch_deliveries`
queue, which a worker sends later (`newsgraph.alerts.webhooks`): ingest never waits for a webhook.

Story watches are matched from what the batch changed in the stories (`StoryAssigner.moved` and
`merged`) instead: a watched story's new articles are those in it now that were not in it before
the batch, whether stored into it or brought by a story that merged with it, and the watch then
follows the merged story (`follow.py`). Summed over batches, a story watch reports every article
of its story's final set that was not in it when the watch was made, whatever the order and the
batches the articles came in.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import Any

from sqlalchemy import Connection, Table, func, select

from newsgraph.models import EVENT_MIN_CONFIDENCE
from newsgraph.store import schema as s
from newsgraph.store.types import instant_value, now_text
from newsgraph.store.watches import spec
from newsgraph.store.watches.follow import final_ids, follow_stories, story_watches
from newsgraph.store.watches.keys import key, term_keys
from newsgraph.store.watches.spec import WatchQuery, parse_query
from newsgraph.store.watches.terms import Terms, fold, parse_text, unit_key

ENTRY_NAMESPACE = uuid.UUID("6f1d3c52-8b0e-5a41-9c2f-4e7b9d0a1c35")
"""Namespace of the entry ids: uuid5 of watch, article hash and fact, stable across rebuilds."""

CHUNK = 2000
"""Keys per lookup query (below SQLite's and PostgreSQL's limits on bound parameters)."""

Fact = tuple[str, str]
"""A matched fact: its kind (`quote`, `quantity`, `event`, `article`) and its id in the article."""


def entry_id(watch_id: int, article_hash: str, fact: Fact) -> str:
    """Return the stable Atom id (and webhook idempotency key) of a match: `urn:uuid:` and the
    UUID 5 of `watch/hash/fact/local id` in ENTRY_NAMESPACE (what `uuid.uuid5` gives, faster)."""
    name = f"{watch_id}/{article_hash}/{fact[0]}/{fact[1]}".encode()
    digest = bytearray(hashlib.sha1(ENTRY_NAMESPACE.bytes + name, usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class Article:
    """A new article's facts as watches see them: entity ids global, words indexed on demand."""

    def __init__(self, article_id: int, data: dict[str, Any], ids: dict[str, int]):
        self.id = article_id
        self.data = data
        self.ids = ids
        self._words: dict[tuple[str | None, ...], Terms] = {}
        places = {p["id"]: p for p in data.get("places", [])}
        self.events = [
            (e, places.get(e.get("place") or "", {}))
            for e in data.get("events", [])
            if not e.get("negated") and e.get("confidence", 1.0) >= EVENT_MIN_CONFIDENCE
        ]

    def entity(self, local_id: str | None) -> int | None:
        """The stored entity of an article-local id."""
        return self.ids.get(local_id or "")

    @cached_property
    def terms(self) -> Terms:
        """The words of its title and text."""
        return Terms.of(self.data.get("title"), self.data["text"])

    def words(self, *texts: str | None) -> Terms:
        """The words of some of its texts (a quote, a sentence), indexed once for all watches."""
        found = self._words.get(texts)
        if found is None:
            found = self._words[texts] = Terms.of(*texts)
        return found

    @cached_property
    def numbers(self) -> list[tuple[str, int | None, str | None, dict[str, Any]]]:
        """Its numbers: (seq as a local id, claimant's entity id, unit key, the number)."""
        return [
            (str(seq), self.entity(n.get("claimant")), unit_key(n["unit"]) if n.get("unit") else None, n)
            for seq, n in enumerate(self.data.get("quantities", []), start=1)
        ]

    def sentence(self, index: int | None) -> str | None:
        """The text of one of its sentences."""
        sentences = self.data.get("sentences") or []
        if index is None or not 0 <= index < len(sentences):
            return None
        return str(self.data["text"][sentences[index]["start"] : sentences[index]["end"]])

    def keys(self, with_terms: bool) -> set[str]:
        """Every index key the article holds (`keys.py`); `term:` keys only when asked."""
        data = self.data
        found = {key("entity", i) for i in self.ids.values()}
        for q in data.get("quotes", []):
            if (speaker := self.entity(q.get("speaker"))) is not None:
                found.add(key("speaker", speaker))
        for _, claimant, unit, _ in self.numbers:
            if claimant is not None:
                found.add(key("claimant", claimant))
            if unit is not None:
                found.add(key("unit", unit))
        for event, place in self.events:
            found.add(key("event", event["type"]))
            for local in (*event.get("source", []), *event.get("target", [])):
                if (actor := self.entity(local)) is not None:
                    found.add(key("actor", actor))
            if place.get("name"):
                found.add(key("place", fold(place["name"].strip())))
            if place.get("country"):
                found.add(key("country", place["country"]))
        if with_terms:
            found |= term_keys(self.terms.vocabulary)
        return found


def facts(query: WatchQuery, article: Article) -> list[Fact]:
    """Return the facts of the article that match the watch's query."""
    data = article.data
    if isinstance(query, spec.QuoteWatch):
        words = parse_text(query.words) if query.words else None
        return [
            ("quote", q["id"])
            for q in data.get("quotes", [])
            if article.entity(q.get("speaker")) == query.speaker
            and (words is None or words.matches(article.words(q["text"])))
        ]
    if isinstance(query, spec.NumberWatch):
        return _numbers(query, article)
    if isinstance(query, spec.EventWatch):
        return [("event", e["id"]) for e, place in article.events if _event_matches(query, article, e, place)]
    if isinstance(query, spec.EntitiesWatch):
        held = set(article.ids.values())
        return [("article", "")] if all(i in held for i in query.entities) else []
    if isinstance(query, spec.SearchWatch):
        return _search(query, article)
    raise TypeError(f"{query.kind} watches are not matched fact by fact (see `_story_rows`)")


def _numbers(query: spec.NumberWatch, article: Article) -> list[Fact]:
    words = parse_text(query.words) if query.words else None
    unit = unit_key(query.unit) if query.unit else None
    found: list[Fact] = []
    for seq, claimant, unit_of, n in article.numbers:
        if query.claimant is not None and claimant != query.claimant:
            continue
        if unit is not None and unit_of != unit:
            continue
        if words is not None:
            context = article.sentence(n.get("sentence")) or n["text"]
            if not words.matches(article.words(context, n.get("unit"))):
                continue
        found.append(("quantity", seq))
    return found


def _event_matches(
    query: spec.EventWatch, article: Article, event: dict[str, Any], place: dict[str, Any]
) -> bool:
    if query.type is not None and event["type"] != query.type:
        return False
    if query.place is not None and fold((place.get("name") or "").strip()) != fold(query.place.strip()):
        return False
    if query.country is not None and place.get("country") != query.country:
        return False
    sources = {article.entity(x) for x in event.get("source", [])}
    targets = {article.entity(x) for x in event.get("target", [])}

    def between(a: int | None, b: int | None) -> bool:
        return (a is None or a in sources) and (b is None or b in targets)

    if between(query.source, query.target):
        return True
    return query.either_way and between(query.target, query.source)


def _search(query: spec.SearchWatch, article: Article) -> list[Fact]:
    source = article.data.get("source")
    if query.source is not None and fold((source or "").strip()) != fold(query.source.strip()):
        return []
    words = parse_text(query.query)
    if query.scope == "quotes":
        quotes = article.data.get("quotes", [])
        return [("quote", q["id"]) for q in quotes if words.matches(article.words(q["text"]))]
    return [("article", "")] if words.matches(article.terms) else []


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _mark(conn: Connection) -> str:
    return "?" if conn.dialect.paramstyle in ("qmark", "numeric") else "%s"


def _rows_in(conn: Connection, select_sql: str, column: str, values: Sequence[Any]) -> Iterator[Any]:
    """Rows of `select_sql WHERE column IN values`, in chunks, through the driver (a lookup of
    thousands of keys per batch: SQLAlchemy's expanding parameters would cost more than SQLite)."""
    for chunk in _chunks(values):
        marks = ", ".join([_mark(conn)] * len(chunk))
        yield from conn.exec_driver_sql(f"{select_sql} WHERE {column} IN ({marks})", tuple(chunk))


def _entity_ids(conn: Connection, article_ids: list[int]) -> dict[int, dict[str, int]]:
    ids: dict[int, dict[str, int]] = defaultdict(dict)
    sql = "SELECT article_id, local_id, entity_id FROM article_entities"
    for article_id, local_id, entity_id in _rows_in(conn, sql, "article_id", article_ids):
        ids[article_id][local_id] = entity_id
    return ids


def _lookup(conn: Connection, keys: set[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for key_, watch_id in _rows_in(conn, "SELECT key, watch_id FROM watch_keys", "key", sorted(keys)):
        found[key_].append(watch_id)
    return found


Row = tuple[int, int, str, Fact]
"""A match to record: the watch, the article's id and content hash, the fact."""


def match_stored(
    conn: Connection,
    stored: Iterable[tuple[int, dict[str, Any]]],
    *,
    moved: Mapping[int, int | None] | None = None,
    merged: Mapping[int, int] | None = None,
) -> int:
    """Record the matches of newly stored articles (id, Analysis dict); return how many.

    `moved` and `merged` are what the batch changed in the stories (`StoryAssigner`). Runs inside
    the caller's write transaction (see the module docstring).
    """
    items = list(stored)
    if not items and not moved:
        return 0
    kinds = {row[0] for row in conn.execute(select(s.watches.c.kind).distinct())}
    if not kinds:
        return 0
    rows = _story_rows(conn, moved or {}, merged or {}, items) if "story" in kinds else []
    if not items and not rows:
        return 0
    with_terms = bool(kinds & {"search", "number"})
    ids = _entity_ids(conn, [article_id for article_id, _ in items])
    articles = [Article(a, data, ids.get(a, {})) for a, data in items]
    keyed = [(article, article.keys(with_terms)) for article in articles]
    index = _lookup(conn, set().union(*(k for _, k in keyed))) if keyed else {}
    wanted = {w for article_keys in (k for _, k in keyed) for k in article_keys for w in index.get(k, ())}
    watches = _definitions(conn, wanted | {watch_id for watch_id, *_ in rows})
    for article, article_keys in keyed:
        candidates = sorted({w for k in article_keys for w in index.get(k, ())})
        for watch_id in candidates:
            query, _ = watches[watch_id]
            rows.extend((watch_id, article.id, article.data["hash"], fact) for fact in facts(query, article))
    return _record(conn, rows, {w for w, (_, hook) in watches.items() if hook})


def _story_rows(
    conn: Connection,
    moved: Mapping[int, int | None],
    merged: Mapping[int, int],
    items: list[tuple[int, dict[str, Any]]],
) -> list[Row]:
    """The articles that joined watched stories in this batch (see the module docstring); the
    watches on stories merged away then follow the merged story."""
    if not moved:
        return []
    now: dict[int, int | None] = dict(_rows_in(conn, "SELECT id, story_id FROM articles", "id", list(moved)))
    final = final_ids(merged)
    watched = story_watches(conn, {story for story in now.values() if story is not None} | set(merged))
    if not watched:
        return []
    joined: dict[int, list[int]] = {}
    for story in sorted(watched):
        current = final.get(story, story)
        if current == story:  # nothing of it moved out: its new articles are those that moved in
            joined[story] = sorted(a for a, at in now.items() if at == story)
            continue
        members = _rows_in(conn, "SELECT id FROM articles", "story_id", [current])
        joined[story] = sorted({a for (a,) in members} - {a for a, was in moved.items() if was == story})
    follow_stories(conn, merged)
    hashes = {article_id: data["hash"] for article_id, data in items}
    missing = sorted({a for found in joined.values() for a in found} - hashes.keys())
    hashes.update(_rows_in(conn, "SELECT id, hash FROM articles", "id", missing))
    return [
        (watch_id, article_id, hashes[article_id], ("article", ""))
        for story, watch_ids in sorted(watched.items())
        for watch_id in sorted(watch_ids)
        for article_id in joined[story]
    ]


def _definitions(conn: Connection, watch_ids: set[int]) -> dict[int, tuple[WatchQuery, bool]]:
    """The queries of some watches, and whether each has a webhook."""
    sql = "SELECT id, query, webhook_url FROM watches"
    return {
        watch_id: (parse_query(query), url is not None)
        for watch_id, query, url in _rows_in(conn, sql, "id", sorted(watch_ids))
    }


def _record(conn: Connection, rows: list[Row], hooked: set[int]) -> int:
    """Insert the matches, and a pending delivery for each match of a watch with a webhook."""
    if not rows:
        return 0
    first = (conn.execute(select(func.max(s.watch_matches.c.id))).scalar() or 0) + 1
    matched, due = instant_value(now_text(), conn.dialect.name), time.time()
    matches, deliveries = [], []
    for match_id, (watch_id, article_id, article_hash, fact) in enumerate(rows, start=first):
        matches.append(
            {
                "id": match_id,
                "watch_id": watch_id,
                "article_id": article_id,
                "fact": fact[0],
                "local_id": fact[1],
                "entry_id": entry_id(watch_id, article_hash, fact),
                "matched": matched,
            }
        )
        if watch_id in hooked:
            deliveries.append(
                {"id": match_id, "watch_id": watch_id, "status": "pending", "attempts": 0, "due": due}
            )
    _insert(conn, s.watch_matches, matches)
    if deliveries:
        _insert(conn, s.watch_deliveries, deliveries)
    return len(matches)


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows with the driver's executemany (SQLAlchemy's per-row work costs more than the insert)."""
    columns = list(rows[0])
    prep = conn.dialect.identifier_preparer
    names = ", ".join(prep.quote(c) for c in columns)
    marks = ", ".join([_mark(conn)] * len(columns))
    sql = f"INSERT INTO {prep.format_table(table)} ({names}) VALUES ({marks})"
    conn.exec_driver_sql(sql, [tuple(row[c] for c in columns) for row in rows])
