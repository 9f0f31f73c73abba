"""Watches end to end, one kind at a time, on hand-written articles and on both back ends:
create a watch → store articles → the fact matches → it is an entry of the watch's Atom feed
(read back with feedparser) → a local webhook endpoint receives it, signed with the watch's secret.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from newsgraph.alerts.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, run_worker, verify
from newsgraph.app import create_app
from newsgraph.settings import Settings
from newsgraph.store.db import open_store
from newsgraph.store.watches.manage import create_watch, get_watch
from newsgraph.store.watches.spec import (
    EntitiesWatch,
    EventWatch,
    NumberWatch,
    QuoteWatch,
    SearchWatch,
    StoryWatch,
    WatchIn,
    WatchQuery,
)
from newsgraph.store.writer import Writer, store_analyses
from tests.support.store import BACKENDS, new_database
from tests.support.watches import (
    AKHUNDZADA,
    DOHA,
    TALIBAN,
    called_off,
    elsewhere,
    first,
    matched,
    receiver,
    strike,
    talks,
)


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from new_database(request.param, tmp_path)


CASES: dict[str, tuple[WatchQuery, list[tuple[str, str, str]], str]] = {
    # kind: (query, the facts it must match as (article, fact, local id), the first entry's title)
    "quote": (
        QuoteWatch(speaker=AKHUNDZADA, words="settlement"),
        [("doha-talks", "quote", "q1")],
        "Haibatullah Akhundzada: “A settlement is close and 120 prisoners will go home,”",
    ),
    "number": (
        NumberWatch(unit="prisoners", claimant=AKHUNDZADA),
        [("doha-talks", "quantity", "1")],
        "120 prisoners, claimed by Haibatullah Akhundzada",
    ),
    "number-words": (
        NumberWatch(words='"go home"'),
        [("doha-talks", "quantity", "1")],
        "120 prisoners, claimed by Haibatullah Akhundzada",
    ),
    "event": (
        EventWatch(type="CONSULT", source=TALIBAN, place="doha"),
        [("doha-talks", "event", "v1")],
        "CONSULT: talks in Doha",
    ),
    "event-either-way": (
        EventWatch(source=TALIBAN, either_way=True),
        [("doha-talks", "event", "v1"), ("kabul-fighting", "event", "v1")],
        "ASSAULT: attacked in Kabul",
    ),
    "event-country": (
        EventWatch(country="AF"),
        [("kabul-fighting", "event", "v1")],
        "ASSAULT: attacked in Kabul",
    ),
    "entities": (
        EntitiesWatch(entities=[AKHUNDZADA, DOHA]),
        [("doha-talks", "article", "")],
        "Prisoner exchange discussed in Doha",
    ),
    "search": (
        SearchWatch(query='"prisoner exchange" -Kabul'),
        [("doha-talks", "article", "")],
        "Prisoner exchange discussed in Doha",
    ),
    "search-quotes": (
        SearchWatch(query="detainees OR prisoners", scope="quotes"),
        [("doha-talks", "quote", "q1")],
        "Haibatullah Akhundzada: “A settlement is close and 120 prisoners will go home,”",
    ),
}


def _local(settings: Settings) -> Settings:
    """Settings that let webhooks reach the tests' receiver on 127.0.0.1 (refused by default)."""
    return settings.model_copy(update={"watch_private_targets": True})


def _client(settings: Settings, engine: Engine) -> TestClient:
    changes = {"api_token": "w-token", "api_rate": 0, "api_cache_mb": 0}
    return TestClient(create_app(settings.model_copy(update=changes), engine=engine))


@pytest.mark.parametrize("case", list(CASES))
def test_watches_each_kind_end_to_end(case: str, store_url: str, settings: Settings) -> None:
    query, expected, title = CASES[case]
    engine = open_store(store_url)
    store_analyses(engine, [first()])
    with receiver() as endpoint:
        watch, secret = create_watch(engine, WatchIn(query=query, webhook=endpoint.url), allow_private=True)
        store_analyses(engine, [talks(), elsewhere(), called_off()])
        assert matched(engine, watch.id) == expected

        with _client(settings, engine) as client:
            atom = client.get(watch.feed)
            page = client.get(watch.feed.removesuffix(".atom"))
        assert atom.status_code == 200 and atom.headers["content-type"].startswith("application/xml")
        feed = feedparser.parse(atom.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "atom10"
        assert feed.entries[0].title == title
        assert len(feed.entries) == len(expected)
        assert all(e.id.startswith("urn:uuid:") for e in feed.entries)
        article = {"doha-talks": 2, "kabul-fighting": 3}[expected[0][0]]
        assert feed.entries[-1].link.endswith(f"/articles/{article}")  # the oldest entry's article
        assert page.status_code == 200 and title.split(":")[0] in page.text

        report = run_worker(engine, _local(settings), once=True)
        assert (report.sent, report.failed) == (len(expected), 0)
    received = endpoint.requests
    assert len(received) == len(expected)
    for (headers, body), entry in zip(received, reversed(feed.entries), strict=True):
        assert verify(secret, headers[TIMESTAMP_HEADER.lower()], body, headers[SIGNATURE_HEADER.lower()])
        assert not verify(
            "another secret", headers[TIMESTAMP_HEADER.lower()], body, headers[SIGNATURE_HEADER.lower()]
        )
        assert f"urn:uuid:{headers['idempotency-key']}" == entry.id
    assert endpoint.bodies()[0]["watch"] == {"id": watch.id, "name": watch.name, "kind": query.kind}
    assert endpoint.bodies()[-1]["entry"]["title"] == title
    with engine.connect() as conn:
        after = get_watch(conn, watch.id)
    assert after.matches == len(expected) and after.webhook is not None and after.webhook.pending == 0
    engine.dispose()


def test_watches_story_kind_end_to_end(store_url: str, settings: Settings) -> None:
    """New articles in a same-event story: a third report of the strike joins the story of the
    first two; an article of another event does not."""
    engine = open_store(store_url)
    store_analyses(engine, [strike(1), strike(2)])
    with engine.connect() as conn:
        story = conn.execute(text("SELECT story_id FROM articles WHERE doc_id = 'strike-1'")).scalar_one()
    with receiver() as endpoint:
        made = WatchIn(query=StoryWatch(story=story), webhook=endpoint.url)
        watch, secret = create_watch(engine, made, allow_private=True)
        assert watch.name == f"new articles in story {story} (Rotterdam dockworkers walk out)"
        store_analyses(engine, [strike(3), elsewhere()])
        assert matched(engine, watch.id) == [("strike-3", "article", "")]
        with _client(settings, engine) as client:
            feed = feedparser.parse(client.get(watch.feed).content)
        assert not feed.bozo and [e.title for e in feed.entries] == ["Rotterdam strike enters its fourth day"]
        assert run_worker(engine, _local(settings), once=True).sent == 1
    ((headers, body),) = endpoint.requests
    assert verify(secret, headers[TIMESTAMP_HEADER.lower()], body, headers[SIGNATURE_HEADER.lower()])
    assert f"urn:uuid:{headers['idempotency-key']}" == feed.entries[0].id
    assert endpoint.bodies()[0]["entry"]["article_title"] == "Rotterdam strike enters its fourth day"
    engine.dispose()


def test_watches_negated_and_weak_events_and_other_speakers_do_not_match(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    store_analyses(engine, [first()])
    quotes = create_watch(engine, WatchIn(query=QuoteWatch(speaker=AKHUNDZADA)))[0]
    events = create_watch(engine, WatchIn(query=EventWatch(type="CONSULT", place="Doha")))[0]
    reversed_roles = create_watch(engine, WatchIn(query=EventWatch(target=TALIBAN, type="CONSULT")))[0]
    store_analyses(engine, [elsewhere(), called_off()])
    assert matched(engine, quotes.id) == []
    assert matched(engine, events.id) == []  # one negated, one below the confidence floor
    assert matched(engine, reversed_roles.id) == []
    store_analyses(engine, [talks()])
    assert matched(engine, events.id) == [("doha-talks", "event", "v1")]
    assert matched(engine, reversed_roles.id) == []  # the Taliban act in it; they are not acted upon
    engine.dispose()


def test_watches_matching_reads_only_the_watches_an_article_concerns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cost stays flat: thousands of watches on other entities and words are never read."""
    import newsgraph.store.watches.match as match

    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    store_analyses(engine, [first(), elsewhere()])
    for n in range(300):
        create_watch(engine, WatchIn(query=SearchWatch(query=f"unrelatedword{n} harbour")))
        create_watch(engine, WatchIn(query=QuoteWatch(speaker=4)))  # Abdullah Abdullah
    wanted = create_watch(engine, WatchIn(query=QuoteWatch(speaker=AKHUNDZADA)))[0]
    parsed: list[str] = []
    original = match.parse_query
    monkeypatch.setattr(match, "parse_query", lambda q: parsed.append(q) or original(q))
    Writer(engine).write([talks()])
    assert len(parsed) == 1  # the one watch on Akhundzada
    assert matched(engine, wanted.id) == [("doha-talks", "quote", "q1")]
    engine.dispose()


def test_watches_matches_roll_back_with_their_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Matches and deliveries are written in the articles' transaction: a batch that fails after
    they were recorded leaves no article, no match and no delivery; writing it again records them."""
    import newsgraph.store.watches.match as match

    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    store_analyses(engine, [first()])
    hooked = WatchIn(query=QuoteWatch(speaker=AKHUNDZADA), webhook="http://127.0.0.1:9/hook")
    create_watch(engine, hooked, allow_private=True)
    record = match._record

    def record_then_fail(*args: object) -> int:
        record(*args)  # type: ignore[arg-type]
        raise RuntimeError("the process died here")

    monkeypatch.setattr(match, "_record", record_then_fail)
    with pytest.raises(RuntimeError, match="died"):
        Writer(engine).write([talks()])
    monkeypatch.setattr(match, "_record", record)
    tables = ("articles", "watch_matches", "watch_deliveries")

    def counts() -> list[int]:
        with engine.connect() as conn:
            return [int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in tables]

    assert counts() == [1, 0, 0]
    store_analyses(engine, [talks()])
    assert counts() == [2, 1, 1]
    engine.dispose()
