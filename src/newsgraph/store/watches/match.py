"""Match newly stored articles against every watch, inside the writer's transaction.

    match_stored(conn, [(article_id, story_id, analysis_dict), ...])   # the number of matches

Called by the writer once per batch, after the batch's rows are written: a match is recorded
in the same transaction as its article, so a killed ingest loses both or neither, and a resumed
one records them again. Per batch: one query for the watch kinds in use (none: nothing more
is done), one for the articles' entity ids, the lookup of the articles' keys in `watch_keys`
(`keys.py`), and one for the definitions of the watches found; each of those is then checked
against its article in Python. The cost per article follows the article's size and the watches
it actually concerns, not the number of watches. Each match adds a row to `watch_matches` (the
watch, the fact, the time) and, when the watch has a webhook, one to the `watch_deliveries`
queue, which a worker sends later (`newsgraph.alerts.webhooks`): ingest never waits for a webhook.
"""

from __future__ import annotations

import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import Connection, func, select

from newsgraph.models import EVENT_MIN_CONFIDENCE
from newsgraph.store import schema as s
from newsgraph.store.watches.keys import key, term_keys
from newsgraph.store.watches.spec import (
    EntitiesWatch,
    EventWatch,
    NumberWatch,
    QuoteWatch,
    SearchWatch,
    StoryWatch,
    WatchQuery,
    parse_query,
)
from newsgraph.store.watches.terms import Terms, all_stems, fold, parse_text, unit_key

ENTRY_NAMESPACE = uuid.UUID("6f1d3c52-8b0e-5a41-9c2f-4e7b9d0a1c35")
"""Namespace of the entry ids: uuid5 of watch, article hash and fact, stable across rebuilds."""

CHUNK = 2000
"""Keys per lookup query (below SQLite's and PostgreSQL's limits on bound parameters)."""

Fact = tuple[str, str]
"""A matched fact: its kind (`quote`, `quantity`, `event`, `article`) and its id in the article."""


def now_utc() -> str:
    """Return the current UTC time as stored (`2026-12-04T11:23:05Z`, sorts as text)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_id(watch_id: int, article_hash: str, fact: Fact) -> str:
    """Return the stable Atom id (and webhook idempotency key) of a match."""
    name = f"{watch_id}/{article_hash}/{fact[0]}/{fact[1]}"
    return f"urn:uuid:{uuid.uuid5(ENTRY_NAMESPACE, name)}"


class Article:
    """A new article's facts as watches see them: entity ids global, words indexed on demand."""

    def __init__(self, article_id: int, story_id: int | None, data: dict[str, Any], ids: dict[str, int]):
        self.id = article_id
        self.story_id = story_id
        self.data = data
        self.ids = ids
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
        if self.story_id is not None:
            found.add(key("story", self.story_id))
        for q in data.get("quotes", []):
            if (speaker := self.entity(q.get("speaker"))) is not None:
                found.add(key("speaker", speaker))
        for n in data.get("quantities", []):
            if (claimant := self.entity(n.get("claimant"))) is not None:
                found.add(key("claimant", claimant))
            if n.get("unit"):
                found.add(key("unit", unit_key(n["unit"])))
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
            found |= term_keys(all_stems((data.get("title"), data["text"])))
        return found


def facts(query: WatchQuery, article: Article) -> list[Fact]:
    """Return the facts of the article that match the watch's query."""
    data = article.data
    if isinstance(query, QuoteWatch):
        words = parse_text(query.words) if query.words else None
        return [
            ("quote", q["id"])
            for q in data.get("quotes", [])
            if article.entity(q.get("speaker")) == query.speaker
            and (words is None or words.matches(Terms.of(q["text"])))
        ]
    if isinstance(query, NumberWatch):
        return _numbers(query, article)
    if isinstance(query, EventWatch):
        return [("event", e["id"]) for e, place in article.events if _event_matches(query, article, e, place)]
    if isinstance(query, EntitiesWatch):
        held = set(article.ids.values())
        return [("article", "")] if all(i in held for i in query.entities) else []
    if isinstance(query, StoryWatch):
        return [("article", "")] if article.story_id == query.story else []
    assert isinstance(query, SearchWatch)
    return _search(query, article)


def _numbers(query: NumberWatch, article: Article) -> list[Fact]:
    words = parse_text(query.words) if query.words else None
    unit = unit_key(query.unit) if query.unit else None
    found: list[Fact] = []
    for seq, n in enumerate(article.data.get("quantities", []), start=1):
        if query.claimant is not None and article.entity(n.get("claimant")) != query.claimant:
            continue
        if unit is not None and unit_key(n.get("unit") or "") != unit:
            continue
        if words is not None:
            context = article.sentence(n.get("sentence")) or n["text"]
            if not words.matches(Terms.of(context, n.get("unit"))):
                continue
        found.append(("quantity", str(seq)))
    return found


def _event_matches(query: EventWatch, article: Article, event: dict[str, Any], place: dict[str, Any]) -> bool:
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


def _search(query: SearchWatch, article: Article) -> list[Fact]:
    source = article.data.get("source")
    if query.source is not None and fold((source or "").strip()) != fold(query.source.strip()):
        return []
    words = parse_text(query.query)
    if query.scope == "quotes":
        quotes = article.data.get("quotes", [])
        return [("quote", q["id"]) for q in quotes if words.matches(Terms.of(q["text"]))]
    return [("article", "")] if words.matches(article.terms) else []


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _entity_ids(conn: Connection, article_ids: list[int]) -> dict[int, dict[str, int]]:
    ae = s.article_entities.c
    ids: dict[int, dict[str, int]] = defaultdict(dict)
    for chunk in _chunks(article_ids):
        rows = conn.execute(select(ae.article_id, ae.local_id, ae.entity_id).where(ae.article_id.in_(chunk)))
        for row in rows:
            ids[row.article_id][row.local_id] = row.entity_id
    return ids


def _lookup(conn: Connection, keys: set[str]) -> dict[str, list[int]]:
    wk = s.watch_keys.c
    found: dict[str, list[int]] = defaultdict(list)
    for chunk in _chunks(sorted(keys)):
        for row in conn.execute(select(wk.key, wk.watch_id).where(wk.key.in_(chunk))):
            found[row.key].append(row.watch_id)
    return found


def match_stored(conn: Connection, stored: Iterable[tuple[int, int | None, dict[str, Any]]]) -> int:
    """Record the matches of newly stored articles (id, story id, Analysis dict); return how many.

    Runs inside the caller's write transaction (see the module docstring).
    """
    items = list(stored)
    if not items:
        return 0
    kinds = {row[0] for row in conn.execute(select(s.watches.c.kind).distinct())}
    if not kinds:
        return 0
    with_terms = bool(kinds & {"search", "number"})
    ids = _entity_ids(conn, [article_id for article_id, _, _ in items])
    articles = [Article(a, story, data, ids.get(a, {})) for a, story, data in items]
    keyed = [(article, article.keys(with_terms)) for article in articles]
    index = _lookup(conn, set().union(*(k for _, k in keyed)))
    wanted = {w for article_keys in (k for _, k in keyed) for k in article_keys for w in index.get(k, ())}
    if not wanted:
        return 0
    watches = _definitions(conn, wanted)
    rows: list[tuple[int, Article, Fact]] = []
    for article, article_keys in keyed:
        candidates = sorted({w for k in article_keys for w in index.get(k, ())})
        for watch_id in candidates:
            query, _ = watches[watch_id]
            rows.extend((watch_id, article, fact) for fact in facts(query, article))
    return _record(conn, rows, {w for w, (_, hook) in watches.items() if hook})


def _definitions(conn: Connection, watch_ids: set[int]) -> dict[int, tuple[WatchQuery, bool]]:
    """The queries of some watches, and whether each has a webhook."""
    w = s.watches.c
    found: dict[int, tuple[WatchQuery, bool]] = {}
    for chunk in _chunks(sorted(watch_ids)):
        for row in conn.execute(select(w.id, w.query, w.webhook_url).where(w.id.in_(chunk))):
            found[row.id] = (parse_query(row.query), row.webhook_url is not None)
    return found


def _record(conn: Connection, rows: list[tuple[int, Article, Fact]], hooked: set[int]) -> int:
    """Insert the matches, and a pending delivery for each match of a watch with a webhook."""
    if not rows:
        return 0
    first = (conn.execute(select(func.max(s.watch_matches.c.id))).scalar() or 0) + 1
    matched, due = now_utc(), time.time()
    matches, deliveries = [], []
    for match_id, (watch_id, article, fact) in enumerate(rows, start=first):
        matches.append(
            {
                "id": match_id,
                "watch_id": watch_id,
                "article_id": article.id,
                "fact": fact[0],
                "local_id": fact[1],
                "entry_id": entry_id(watch_id, article.data["hash"], fact),
                "matched": matched,
            }
        )
        if watch_id in hooked:
            deliveries.append(
                {"id": match_id, "watch_id": watch_id, "status": "pending", "attempts": 0, "due": due}
            )
    conn.execute(s.watch_matches.insert(), matches)
    if deliveries:
        conn.execute(s.watch_deliveries.insert(), deliveries)
    return len(matches)
