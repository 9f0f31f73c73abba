"""Webhook delivery: retries with exponential backoff, a failing endpoint paused and reported while
others go on, resumed with its backlog in order; a worker killed mid-delivery, and an ingest
killed mid-write, lose and duplicate nothing a receiver (deduplicating by idempotency key) sees.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
import time
from pathlib import Path

import orjson
from sqlalchemy import text

from newsgraph.alerts.digest import build_digest, digest_markdown
from newsgraph.alerts.webhooks import deliver_due, run_worker
from newsgraph.ingest import ingest
from newsgraph.settings import Settings
from newsgraph.store.db import open_store
from newsgraph.store.watches.manage import create_watch, get_watch, resume_watch
from newsgraph.store.watches.spec import QuoteWatch, SearchWatch, WatchIn
from newsgraph.store.writer import store_analyses
from tests.support.store import make_analysis
from tests.support.watches import AKHUNDZADA, first, receiver


def _quotes(n: int, speaker: str = "Haibatullah Akhundzada") -> list:  # type: ignore[type-arg]
    """`n` articles, each with a quote by the speaker (one delivery each for a quote watch)."""
    out = []
    for i in range(n):
        said = f"We will meet again in round {i + 2},"
        body = f"{speaker} spoke on day {i}. “{said}” {speaker.split()[-1]} said of the Taliban."
        out.append(
            make_analysis(
                body,
                id=f"round-{i}",
                title=f"Round {i + 2}",
                entities=[("e1", "PERSON", speaker, [speaker.split()[-1]]), ("e2", "ORG", "Taliban", [])],
                quotes=[(said, "e1", "say")],
            )
        )
    return out


def _fast(settings: Settings, **changes: object) -> Settings:
    values = {"watch_backoff": 0.2, "watch_backoff_max": 0.5, "watch_max_failures": 3, "watch_timeout": 5.0}
    values["watch_private_targets"] = True  # the receivers are on 127.0.0.1
    return settings.model_copy(update={**values, **changes})


def test_watches_delivery_retries_then_pauses_then_resumes_in_order(
    tmp_path: Path, settings: Settings
) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    run = _fast(settings)
    store_analyses(engine, [first()])
    with receiver(status=500) as failing, receiver() as healthy:
        made = WatchIn(query=QuoteWatch(speaker=AKHUNDZADA), webhook=failing.url)
        bad = create_watch(engine, made, allow_private=True)[0]
        made = WatchIn(query=SearchWatch(query="Taliban round"), webhook=healthy.url)
        create_watch(engine, made, allow_private=True)
        store_analyses(engine, _quotes(3))
        waits = []  # (shortest, longest) backoff consistent with when the attempt can have failed
        for _ in range(3):
            started = time.time()
            report = deliver_due(engine, run)
            finished = time.time()
            assert report.failed == 1
            with engine.connect() as conn:
                due = conn.execute(text("SELECT due FROM watch_deliveries WHERE id = 1")).scalar_one()
            waits.append((due - finished, due - started))
            assert deliver_due(engine, run).failed == 0  # not due yet: backing off
            time.sleep(max(0.0, due - time.time()) + 0.01)
        assert report.paused == [bad.id]
        for (shortest, longest), backoff in zip(waits, (0.2, 0.4, 0.5), strict=True):  # doubled, capped
            assert shortest - 0.01 <= backoff <= longest + 0.01
        # the failing endpoint saw the oldest delivery three times, with one key; the others waited
        keys = [headers["idempotency-key"] for headers, _ in failing.requests]
        assert len(keys) == 3 and len(set(keys)) == 1
        assert [b["delivery"]["attempt"] for b in failing.bodies()] == [1, 2, 3]
        # the healthy endpoint was not held up meanwhile
        assert [b["entry"]["article_title"] for b in healthy.bodies()] == ["Round 2", "Round 3", "Round 4"]
        with engine.connect() as conn:
            paused = get_watch(conn, bad.id).webhook
            digest = digest_markdown(build_digest(conn, "2000-01-01T00:00:00Z"))
        assert paused is not None and paused.paused and paused.failures == 3 and paused.pending == 3
        assert paused.last_error == "HTTP 500"
        assert f"**Paused webhook** of watch {bad.id}" in digest and "HTTP 500" in digest
        time.sleep(0.6)
        assert deliver_due(engine, run).failed == 0  # paused: nothing is tried, however long it waits

        failing.status = 204
        store_analyses(engine, _quotes(4)[3:])  # a fourth delivery queues behind the backlog
        resumed = resume_watch(engine, bad.id)
        assert resumed.webhook is not None and resumed.webhook.paused is None and resumed.webhook.pending == 4
        assert run_worker(engine, run, once=True).sent == 4 + 1  # and the search watch's new match
    titles = [b["entry"]["article_title"] for b in failing.bodies()[3:]]
    assert titles == ["Round 2", "Round 3", "Round 4", "Round 5"]  # the backlog drained in order
    with engine.connect() as conn:
        assert get_watch(conn, bad.id).webhook.failures == 0  # type: ignore[union-attr]
        states = conn.execute(text("SELECT DISTINCT status FROM watch_deliveries")).scalars().all()
    assert states == ["sent"]
    engine.dispose()


def _deliver_child(url: str, settings: Settings) -> None:
    engine = open_store(url)
    run_worker(engine, settings, once=True)


def test_watches_delivery_killed_mid_delivery_is_sent_again_with_the_same_key(
    tmp_path: Path, settings: Settings
) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = open_store(url)
    run = _fast(settings, watch_lease=1.0)
    store_analyses(engine, [first()])
    with receiver() as endpoint:
        endpoint.hold = threading.Event()  # the first request is not answered until released
        made = WatchIn(query=QuoteWatch(speaker=AKHUNDZADA), webhook=endpoint.url)
        create_watch(engine, made, allow_private=True)
        store_analyses(engine, _quotes(3))
        engine.dispose()
        child = mp.get_context("fork").Process(target=_deliver_child, args=(url, run), daemon=True)
        child.start()
        assert endpoint.arrived.wait(60), "the worker never posted"
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)  # killed while the endpoint holds its first delivery
        child.join(30)
        endpoint.hold.set()
        assert run_worker(engine, run, once=True).sent == 0  # the dead worker's lease still holds
        time.sleep(1.1)
        assert run_worker(engine, run, once=True).sent == 3
    keys = [headers["idempotency-key"] for headers, _ in endpoint.requests]
    assert len(keys) == 4 and keys[0] == keys[1]  # at least once: the interrupted one again
    seen: dict[str, dict[str, object]] = {}
    for headers, body in endpoint.requests:
        seen.setdefault(headers["idempotency-key"], orjson.loads(body))
    assert [b["entry"]["article_title"] for b in seen.values()] == ["Round 2", "Round 3", "Round 4"]  # type: ignore[index]
    engine.dispose()


def _corpus(path: Path, n: int) -> None:
    lines = []
    for i in range(n):
        topic = "the new curfew" if i % 2 else "water rationing"
        text_ = (
            f"Amina Yusuf, the mayor of Nairobi, defended {topic} on day {i} of the dispute. "
            f"“We had no other choice,” Yusuf told reporters on Tuesday. Residents said {i + 3} "
            "neighbourhoods were affected."
        )
        lines.append(orjson.dumps({"id": f"a{i}", "text": text_, "published": f"2024-03-{i % 28 + 1:02d}"}))
    path.write_bytes(b"\n".join(lines) + b"\n")


def _ingest_child(url: str, corpus: str, settings: Settings) -> None:
    ingest([Path(corpus)], settings.model_copy(update={"db": url}), workers=1, commit_every=2)


def _watch_rows(url: str) -> list[tuple[object, ...]]:
    engine = open_store(url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT m.id, m.watch_id, m.article_id, m.fact, m.local_id, m.entry_id, d.status, d.attempts "
                "FROM watch_matches m LEFT JOIN watch_deliveries d ON d.id = m.id ORDER BY m.id"
            )
        ).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def test_watches_killed_ingest_resumed_records_each_match_once(tmp_path: Path, settings: Settings) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 24)
    run = settings.model_copy(update={"batch_size": 4})
    watch = WatchIn(query=SearchWatch(query="curfew"), webhook="http://127.0.0.1:9/hook")
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    create_watch(open_store(clean), watch, allow_private=True)
    ingest([corpus], run.model_copy(update={"db": clean}), workers=1)
    reference = _watch_rows(clean)
    assert len(reference) == 12

    url = f"sqlite:///{tmp_path / 'killed.db'}"
    engine = open_store(url)
    create_watch(engine, watch, allow_private=True)
    engine.dispose()
    child = mp.get_context("fork").Process(target=_ingest_child, args=(url, str(corpus), run), daemon=True)
    child.start()
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and len(_watch_rows(url)) < 3 and child.is_alive():
        time.sleep(0.01)
    assert child.is_alive() and child.pid is not None, "the ingest finished before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.join(30)
    assert 0 < len(_watch_rows(url)) < 12
    ingest([corpus], run.model_copy(update={"db": url}), workers=1)
    assert _watch_rows(url) == reference


def test_watches_delivery_runs_inside_serve_when_asked(tmp_path: Path, settings: Settings) -> None:
    """With NEWSGRAPH_WATCH_DELIVER the server sends deliveries itself, and stops with it."""
    from fastapi.testclient import TestClient

    from newsgraph.app import create_app

    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    store_analyses(engine, [first()])
    with receiver() as endpoint:
        made = WatchIn(query=QuoteWatch(speaker=AKHUNDZADA), webhook=endpoint.url)
        create_watch(engine, made, allow_private=True)
        store_analyses(engine, _quotes(1))
        changes = {"watch_deliver": True, "api_rate": 0, "watch_private_targets": True}
        app = create_app(settings.model_copy(update=changes), engine=engine)
        with TestClient(app):
            assert endpoint.arrived.wait(30), "the server's worker sent nothing"
        assert [b["entry"]["article_title"] for b in endpoint.bodies()] == ["Round 2"]
    engine.dispose()
