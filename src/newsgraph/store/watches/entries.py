"""A watch's matches as entries: the fact, its article, when it matched.

    for entry in entries(conn, watch_id, limit=50):       # newest first (feeds, pages)
        print(entry.matched, entry.title, entry.text)

The same `Entry` is an Atom entry, a webhook body and a digest line, so all three say the same
thing and carry the same stable `entry_id`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select, tuple_

from newsgraph.store import schema as s

TITLE_CHARS = 140
"""Quotes and article openings are cut to about this many characters in entry titles."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One match of a watch, ready to show: a title line, the fact's text and its fields."""

    match_id: int
    entry_id: str
    watch_id: int
    matched: str
    fact: str
    article_id: int
    article_title: str | None
    url: str | None
    source: str | None
    published: str | None
    title: str
    text: str
    detail: dict[str, Any] = field(default_factory=dict)


def _cut(text: str, n: int = TITLE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _matches(conn: Connection, where: Any, *, newest_first: bool, limit: int | None) -> list[Any]:
    m, a, src = s.watch_matches.c, s.articles.c, s.sources.c
    stmt = (
        select(
            m.id,
            m.entry_id,
            m.watch_id,
            m.matched,
            m.fact,
            m.local_id,
            m.article_id,
            a.title,
            a.url,
            a.published,
            a.text,
            src.name.label("source"),
        )
        .select_from(s.watch_matches.join(s.articles, a.id == m.article_id).outerjoin(s.sources))
        .where(where)
        .order_by(m.id.desc() if newest_first else m.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(conn.execute(stmt))


def _facts(conn: Connection, rows: list[Any]) -> dict[tuple[str, int, str], dict[str, Any]]:
    """The matched quotes, events and numbers, by (fact, article id, local id)."""
    wanted: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for r in rows:
        wanted[r.fact].add((r.article_id, r.local_id))
    out: dict[tuple[str, int, str], dict[str, Any]] = {}
    q, v, n, e = s.quotes.c, s.events.c, s.quantities.c, s.entities.c
    if wanted["quote"]:
        cols = (q.article_id, q.local_id, q.kind, q.text, q.speaker_id, q.speaker_text, q.cue)
        quotes = (
            select(*cols, e.name.label("speaker_name"))
            .select_from(s.quotes.outerjoin(s.entities, e.id == q.speaker_id))
            .where(tuple_(q.article_id, q.local_id).in_(sorted(wanted["quote"])))
        )
        for r in conn.execute(quotes):
            out["quote", r.article_id, r.local_id] = {str(k): v for k, v in r._mapping.items()}
    if wanted["event"]:
        kept = (v.article_id, v.local_id, v.type, v.trigger_text, v.source_text, v.target_text, v.place_name)
        for r in conn.execute(
            select(*kept, v.country).where(tuple_(v.article_id, v.local_id).in_(sorted(wanted["event"])))
        ):
            out["event", r.article_id, r.local_id] = {str(k): v for k, v in r._mapping.items()}
    if wanted["quantity"]:
        keys = sorted((a, int(seq)) for a, seq in wanted["quantity"])
        stmt = (
            select(n.article_id, n.seq, n.text, n.value, n.unit, n.claimant_id, e.name.label("claimant"))
            .select_from(s.quantities.outerjoin(s.entities, e.id == n.claimant_id))
            .where(tuple_(n.article_id, n.seq).in_(keys))
        )
        for r in conn.execute(stmt):
            out["quantity", r.article_id, str(r.seq)] = {str(k): v for k, v in r._mapping.items()}
    return out


def _shown(fact_kind: str, text: str, title: str | None, fact: dict[str, Any] | None) -> tuple[str, str]:
    """The entry's title line and text for a matched fact (an article: its title and opening)."""
    if fact_kind == "article" or fact is None:
        return title or _cut(text), _cut(text, 400)
    if fact_kind == "quote":
        speaker = fact["speaker_name"] or fact["speaker_text"] or "unknown speaker"
        return f"{speaker}: “{_cut(fact['text'])}”", fact["text"]
    if fact_kind == "quantity":
        by = f", claimed by {fact['claimant']}" if fact["claimant"] else ""
        return f"{fact['text']}{by}", fact["text"]
    said = " ".join(w for w in (fact["source_text"], fact["trigger_text"], fact["target_text"]) if w)
    where = f" in {fact['place_name']}" if fact["place_name"] else ""
    return f"{fact['type']}: {said}{where}", said


def _entry(row: Any, fact: dict[str, Any] | None) -> Entry:
    title, text = _shown(row.fact, row.text, row.title, fact)
    detail = {k: v for k, v in (fact or {}).items() if k not in ("article_id", "local_id", "seq")}
    return Entry(
        match_id=row.id,
        entry_id=row.entry_id,
        watch_id=row.watch_id,
        matched=row.matched,
        fact=row.fact,
        article_id=row.article_id,
        article_title=row.title,
        url=row.url,
        source=row.source,
        published=row.published,
        title=title,
        text=text,
        detail=detail,
    )


def _build(conn: Connection, rows: list[Any]) -> list[Entry]:
    found = _facts(conn, rows)
    return [_entry(r, found.get((r.fact, r.article_id, r.local_id))) for r in rows]


def entries(conn: Connection, watch_id: int, *, limit: int = 50) -> list[Entry]:
    """Return a watch's newest `limit` entries, newest first."""
    return _build(
        conn, _matches(conn, s.watch_matches.c.watch_id == watch_id, newest_first=True, limit=limit)
    )


def entries_by_id(conn: Connection, match_ids: list[int]) -> dict[int, Entry]:
    """Return the entries of these matches, by match id."""
    rows = _matches(conn, s.watch_matches.c.id.in_(match_ids), newest_first=False, limit=None)
    return {e.match_id: e for e in _build(conn, rows)}


def entries_since(conn: Connection, since: str, until: str | None = None) -> list[Entry]:
    """Return every entry matched at or after `since` (and before `until`), oldest first."""
    m = s.watch_matches.c
    where = m.matched >= since if until is None else (m.matched >= since) & (m.matched < until)
    return _build(conn, _matches(conn, where, newest_first=False, limit=None))
