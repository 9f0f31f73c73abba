"""Put each new article in the story of the event it reports: the writer's hook.

    stories = StoryAssigner(conn)
    story_id = stories.assign(article_id, data, members, day, copies)   # after its row is inserted
    stories.moved, stories.merged        # what changed in the transaction (watches follow stories)

For each new article: its `Features` are stored (`story_features`) and indexed (`story_keys`);
candidates are the stored articles sharing an index key — an entity within `WINDOW_DAYS` of its
day, or, when either side is undated, an entity and a town or two places finer than a country
(the only ways `evidence` links two articles, so the retrieval misses no link); each candidate is compared
(`evidence.compare`) and every pair that links is stored (`story_links`), and so is every
near-duplicate the writer found (`copies`), always. The article then joins the story of the
articles it links to: none, a new story; one, that one; several, it bridges them and they merge
into the one with the smallest id. A story's id is the smallest id of its articles.

Since a link depends on the two articles only, a story is a connected component of the graph
of links, the same whatever order the articles arrive in or how they are batched; ids follow
the input order, memberships do not. Bounded work per article, whatever the store's size: the
entity postings are read within the article's window (at most `MAX_POSTINGS`), and the entity
postings of undated articles (of any article, for an undated one), newest first, at most
`MAX_POSTINGS`, whose places are then looked up among the article's (kept if they share a town
or two places, as `evidence` asks of an undated pair; entities before places, because a town is
named by many more undated articles than an entity is, and most of them share nothing else);
the `MAX_CANDIDATES` sharing the most keys, newest first, are compared. Entities named by more
articles than that in one window, or by more undated articles, are common and their older
postings are not read: the one way order could matter, on a store far larger than the corpus.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Select, bindparam, delete, func, select, update

from newsgraph.store import schema as s
from newsgraph.store.identity.members import ArticleMember
from newsgraph.store.stories.evidence import WINDOW_DAYS, Evidence, compare
from newsgraph.store.stories.features import Features, article_features

MAX_POSTINGS = 20_000
MAX_CANDIDATES = 200
CHUNK = 500


def key_hash(key: str) -> int:
    """Return the signed 64-bit hash a key is indexed under in `story_keys`."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little", signed=True)


def window(day: str) -> tuple[str, str]:
    """Return the first and last day (`YYYY-MM-DD`) a dated article links within."""
    at = date.fromisoformat(day)
    span = timedelta(days=WINDOW_DAYS)
    return (at - span).isoformat(), (at + span).isoformat()


class StoryAssigner:
    """Assign new articles to stories inside the writer's transaction; see the module docstring."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.moved: dict[int, int | None] = {}
        """Every article whose story changed through this assigner → its story before the first change
        (None: it had none). Watches that follow stories read it (`store.watches.match`)."""
        self.merged: dict[int, int] = {}
        """Every story merged away through this assigner → the story it was merged into then."""
        self._stored: dict[int, dict[str, Any]] = {}
        """The stored features (`Features.to_data`) of the articles written in this transaction."""
        self._features: dict[int, Features] = {}
        """The features of articles read in this transaction: the articles of one batch share most
        of their candidates, each read and decoded once."""

    def assign(
        self,
        article_id: int,
        data: Mapping[str, Any],
        members: Sequence[ArticleMember],
        day: str | None,
        copies: Iterable[int] = (),
    ) -> int | None:
        """Store the article's features, link it to the articles of its event; return its story id.

        `copies` are the stored near-duplicates of the article (`dedup`): they report its event.
        """
        features = article_features(data, members, _valid_day(day))
        self._index(article_id, features)
        links = self._links(article_id, features)
        for other in copies:
            if other != article_id and other not in links:
                links[other] = None
        if not links:
            return None
        self.conn.execute(
            s.story_links.insert(),
            [
                {
                    "article_id": article_id,
                    "other_id": other,
                    "score": evidence.score if evidence else 1000.0,
                    "evidence": asdict(evidence) if evidence else {"copy": True},
                }
                for other, evidence in sorted(links.items())
            ],
        )
        return self._join(article_id, sorted(links))

    def _index(self, article_id: int, features: Features) -> None:
        data = features.to_data()
        self.conn.execute(s.story_features.insert(), {"article_id": article_id, "data": data})
        self._stored[article_id] = data  # decoded when a later article of the batch has it as a candidate
        keys = sorted({key_hash(k) for k in features.index_keys()})
        if keys:
            self.conn.execute(
                s.story_keys.insert(),
                [{"key": k, "article_id": article_id, "day": features.day} for k in keys],
            )

    def _links(self, article_id: int, features: Features) -> dict[int, Evidence | None]:
        """Return the stored articles this one reports the same event as, with the evidence."""
        shared = self._candidates(article_id, features)
        ranked = sorted(shared, key=lambda other: (-shared[other], -other))[:MAX_CANDIDATES]
        links: dict[int, Evidence | None] = {}
        for other, stored in sorted(self._read(ranked).items()):
            evidence = compare(features, stored)
            if evidence.links:
                links[other] = evidence
        return links

    def _read(self, ids: Iterable[int]) -> dict[int, Features]:
        """Return the stored features of articles, each read from the database once a transaction."""
        for i in ids:
            if i not in self._features and i in self._stored:
                self._features[i] = Features.from_data(self._stored[i])  # as stored (weights rounded)
        missing = sorted(i for i in ids if i not in self._features)
        for chunk in _chunks(missing, CHUNK):
            for row in self.conn.execute(_features_query(), {"ids": chunk}):
                self._features[int(row.article_id)] = Features.from_data(row.data)
        return {i: self._features[i] for i in ids if i in self._features}

    def _candidates(self, article_id: int, features: Features) -> Counter[int]:
        """Count, per stored article, the index keys it shares with this one (see the module docstring)."""
        shared: Counter[int] = Counter()
        entities = sorted({key_hash(key) for e in features.entities for key in e.keys})
        if features.day is not None and entities:
            first, last = window(features.day)
            rows = self.conn.execute(
                _postings_query(), {"keys": entities, "first": first, "last": last, "me": article_id}
            )
            shared.update(int(r[0]) for r in rows)
        places = {key_hash(place): place for place, fine in features.places if fine}
        if not (places and entities):
            return shared
        # an undated pair links only through a shared entity, and a shared town or two shared
        # places (`evidence`): the articles naming one of its entities (the undated ones, for a
        # dated article) are read, then the places they share with it
        params = {"keys": entities, "me": article_id}
        named = [int(r[0]) for r in self.conn.execute(_undated_query(features.day is not None), params)]
        by_place: Counter[int] = Counter()
        in_town: set[int] = set()
        for chunk in _chunks(sorted(set(named)), CHUNK):
            for key, other in self.conn.execute(_placed_query(), {"keys": sorted(places), "ids": chunk}):
                by_place[int(other)] += 1
                if places[int(key)] in features.local:
                    in_town.add(int(other))
        shared.update({i: n for i, n in by_place.items() if n >= 2 or i in in_town})
        return shared

    def _join(self, article_id: int, linked: list[int]) -> int:
        """Put the article and the stories of the articles it links to in one story; return its id."""
        a = s.articles.c
        before: dict[int, int | None] = {
            int(r.id): r.story_id
            for chunk in _chunks(linked, CHUNK)
            for r in self.conn.execute(select(a.id, a.story_id).where(a.id.in_(chunk)))
        }
        stories = {int(story) for story in before.values() if story is not None}
        loose = [i for i in linked if i not in stories]
        target = min([*stories, *linked, article_id])
        others = sorted(stories - {target})
        if target not in stories:
            self.conn.execute(
                s.stories.insert().values(id=target, title=None, article_count=0, source_count=0)
            )
        for chunk in _chunks(others, CHUNK):
            for r in self.conn.execute(select(a.id, a.story_id).where(a.story_id.in_(chunk))):
                self.moved.setdefault(int(r.id), int(r.story_id))
            self.conn.execute(update(s.articles).where(a.story_id.in_(chunk)).values(story_id=target))
            self.conn.execute(delete(s.stories).where(s.stories.c.id.in_(chunk)))
        self.merged.update(dict.fromkeys(others, target))
        members = sorted({*loose, article_id})
        for member in members:
            if before.get(member) != target:
                self.moved.setdefault(member, before.get(member))
        for chunk in _chunks(members, CHUNK):
            self.conn.execute(update(s.articles).where(a.id.in_(chunk)).values(story_id=target))
        refresh_story(self.conn, target)
        return target


@functools.cache
def _features_query() -> Select[Any]:
    """The stored features of the articles `:ids`."""
    f = s.story_features.c
    return select(f.article_id, f.data).where(f.article_id.in_(bindparam("ids", expanding=True)))


@functools.cache
def _postings_query() -> Select[Any]:
    """The articles naming an entity key of `:keys` from the day `:first` to `:last`, newest first."""
    k = s.story_keys.c
    return (
        select(k.article_id)
        .where(
            k.key.in_(bindparam("keys", expanding=True)),
            k.day.between(bindparam("first"), bindparam("last")),
            k.article_id != bindparam("me"),
        )
        .order_by(k.article_id.desc())
        .limit(MAX_POSTINGS)
    )


@functools.cache
def _undated_query(dated: bool) -> Select[Any]:
    """The articles naming an entity key of `:keys`, newest first, at most `MAX_POSTINGS`.

    For a dated article (`dated`), only undated articles: the dated ones are found within its window.
    """
    k = s.story_keys.c
    query = select(k.article_id).where(
        k.key.in_(bindparam("keys", expanding=True)), k.article_id != bindparam("me")
    )
    if dated:
        query = query.where(k.day.is_(None))
    return query.order_by(k.article_id.desc()).limit(MAX_POSTINGS)


@functools.cache
def _placed_query() -> Select[Any]:
    """The (place key, article) postings of the place keys `:keys` among the articles `:ids`."""
    k = s.story_keys.c
    named = k.key.in_(bindparam("keys", expanding=True))
    return select(k.key, k.article_id).where(named, k.article_id.in_(bindparam("ids", expanding=True)))


def refresh_story(conn: Connection, story_id: int) -> None:
    """Recompute a story's title, counts and dates from its articles (the earliest headline wins)."""
    a = s.articles.c
    count, sources, first, last = conn.execute(
        select(
            func.count(), func.count(func.distinct(a.source_id)), func.min(a.published), func.max(a.published)
        ).where(a.story_id == story_id)
    ).one()
    title = conn.execute(
        select(a.title)
        .where(a.story_id == story_id, a.title.is_not(None))
        .order_by(a.published_day.is_(None), a.published_day, a.hash)
        .limit(1)
    ).scalar()
    conn.execute(
        update(s.stories)
        .where(s.stories.c.id == story_id)
        .values(
            title=title, article_count=count, source_count=sources, first_published=first, last_published=last
        )
    )


def _valid_day(day: str | None) -> str | None:
    if day is None:
        return None
    try:
        date.fromisoformat(day)
    except ValueError:
        return None
    return day


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
