"""Helpers for the store tests: a fresh database per test on each back end, and hand-made analyses.

`new_database(backend, tmp_path)` gives a fresh database: SQLite (a temporary file) or PostgreSQL (a schema
of its own in the database named by NEWSGRAPH_TEST_PG_URL; skipped when that variable is unset).
Test modules wrap it in a `store_url` fixture parametrized over `BACKENDS`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import text

from newsgraph.models import Analysis
from newsgraph.store.db import make_engine, open_store

PG_URL = os.environ.get("NEWSGRAPH_TEST_PG_URL")

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


def pg_schema_url(schema: str) -> str:
    """Return the test PostgreSQL URL with its search_path set to `schema`."""
    assert PG_URL
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"


def new_database(backend: str, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of an empty database on `backend`, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if not PG_URL:
        pytest.skip("NEWSGRAPH_TEST_PG_URL is not set")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield pg_schema_url(schema)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def span(text: str, needle: str, after: int = 0) -> dict[str, Any]:
    """Return {start, end, text} of the first `needle` in `text` at or after `after`."""
    start = text.index(needle, after)
    return {"start": start, "end": start + len(needle), "text": needle}


def make_analysis(
    text: str,
    *,
    id: str,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
    published: str | None = None,
    entities: list[tuple[str, str, str, list[str]]] = (),  # type: ignore[assignment]
    quotes: list[tuple[str, str | None, str]] = (),  # type: ignore[assignment]
    events: list[tuple[str, str, list[str], list[str]]] = (),  # type: ignore[assignment]
    quantities: list[tuple[str, float, str | None, str | None]] = (),  # type: ignore[assignment]
    times: list[tuple[str, str]] = (),  # type: ignore[assignment]
    places: list[tuple[str, str, float, float]] = (),  # type: ignore[assignment]
) -> Analysis:
    """Build a valid Analysis by hand, locating every span in `text`.

    entities: (local id, type, name, [aliases]) — mentions are every occurrence of the name and aliases.
    quotes: (quoted text, speaker local id, cue lemma).
    events: (type, trigger word, [source ids], [target ids]).
    quantities: (text, value, unit, claimant id).
    times: (text, value); places: (name, country, lat, lon) — linked to the entity of that name.
    """
    from newsgraph.extract.pipeline import content_hash

    ents = []
    for local_id, type_, name, aliases in entities:
        mentions: list[dict[str, Any]] = []
        for form in [name, *aliases]:
            at = text.find(form)
            while at != -1:
                if not any(m["start"] <= at < m["end"] for m in mentions):
                    mentions.append({"start": at, "end": at + len(form), "text": form, "kind": "name"})
                at = text.find(form, at + len(form))
        mentions.sort(key=lambda m: m["start"])
        ents.append({"id": local_id, "name": name, "type": type_, "aliases": aliases, "mentions": mentions})
    qs = []
    for number, (quoted, speaker, cue) in enumerate(quotes, start=1):
        sp = span(text, quoted)
        qs.append({"id": f"q{number}", "kind": "direct", **sp, "speaker": speaker, "cue": cue, "sentence": 0})
    evs = []
    for number, (type_, trigger, src, tgt) in enumerate(events, start=1):
        evs.append(
            {
                "id": f"v{number}",
                "type": type_,
                "trigger": span(text, trigger),
                "source": src,
                "target": tgt,
                "sentence": 0,
                "place": "p1" if places else None,
                "time": "t1" if times else None,
            }
        )
    qty = [
        {**span(text, t), "value": v, "unit": unit, "claimant": claimant, "sentence": 0}
        for t, v, unit, claimant in quantities
    ]
    tms = [
        {"id": f"t{n}", **span(text, t), "type": "DATE", "value": value}
        for n, (t, value) in enumerate(times, 1)
    ]
    name_to_id = {e["name"]: e["id"] for e in ents}
    pls = [
        {"id": f"p{n}", "entity": name_to_id.get(name), "name": name, "country": c, "lat": lat, "lon": lon}
        for n, (name, c, lat, lon) in enumerate(places, 1)
    ]
    data = {
        "id": id,
        "hash": content_hash(text),
        "url": url,
        "source": source,
        "title": title,
        "published": published,
        "text": text,
        "sentences": [{"start": 0, "end": len(text)}],
        "entities": ents,
        "quotes": qs,
        "events": evs,
        "quantities": qty,
        "times": tms,
        "places": pls,
    }
    return Analysis.model_validate(data)


DOHA_1 = (
    "Taliban leader Haibatullah Akhundzada said on Sunday that the group wanted a political "
    "settlement. “We want a political settlement,” Akhundzada said in a statement. Afghan officials "
    "met Taliban negotiators in Doha for two days of talks, and 244 prisoners were released."
)
DOHA_2 = (
    "Negotiators from Kabul and the Taliban ended their talks in Doha without an agreement. "
    "“The war must end with a settlement acceptable to all Afghans,” Haibatullah Akhundzada said, "
    "according to a statement. Abdullah Abdullah, who led the government delegation, said more "
    "meetings would follow."
)


def doha_analyses() -> list[Analysis]:
    """Two related articles: the same person named in full in both, by surname too in the first."""
    first = make_analysis(
        DOHA_1,
        id="doha-1",
        url="https://example.org/doha-1",
        source="Example News",
        title="Taliban leader wants settlement",
        published="2021-07-18",
        entities=[
            ("e1", "PERSON", "Haibatullah Akhundzada", ["Akhundzada"]),
            ("e2", "ORG", "Taliban", []),
            ("e3", "GPE", "Doha", []),
        ],
        quotes=[("We want a political settlement,", "e1", "say")],
        events=[("CONSULT", "talks", ["e2"], [])],
        quantities=[("244 prisoners", 244, "prisoner", None)],
        times=[("on Sunday", "2021-07-18")],
        places=[("Doha", "QA", 25.29, 51.53)],
    )
    second = make_analysis(
        DOHA_2,
        id="doha-2",
        url="https://example.com/doha-2",
        source="Other Wire",
        title="Doha talks end",
        published="2021-07-19",
        entities=[
            ("e1", "ORG", "the Taliban", []),
            ("e2", "GPE", "Doha", []),
            ("e3", "PERSON", "Haibatullah Akhundzada", []),
            ("e4", "PERSON", "Abdullah Abdullah", []),
        ],
        quotes=[("The war must end with a settlement acceptable to all Afghans,", "e3", "say")],
        events=[("CONSULT", "talks", ["e1"], [])],
    )
    return [first, second]


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every store table, in primary-key order (a canonical dump)."""
    from sqlalchemy import select

    from newsgraph.store.schema import metadata

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            out = {}
            for table in sorted(metadata.tables.values(), key=lambda t: t.name):
                if table.name == "store_state":  # a write counter, not data
                    continue
                columns = [c for c in table.columns if c.name != "tsv"]
                rows = conn.execute(select(*columns).order_by(*table.primary_key.columns)).all()
                out[table.name] = [tuple(r) for r in rows]
            return out
    finally:
        engine.dispose()


def count(url: str, table: str) -> int:
    """Return the number of rows of a table."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0)
    finally:
        engine.dispose()


def identity_article(
    n: int, text_: str, entities: list[tuple[str, str, str, list[str]]], **kw: Any
) -> Analysis:
    """Return one hand-written identity article (id `a<n>`)."""
    return make_analysis(text_, id=f"a{n}", published=f"2024-05-{n + 1:02d}", entities=entities, **kw)


_IDENTITY = [
    identity_article(
        0,
        "John Clifford, the USDA chief veterinarian, said the herd was safe. Clifford spoke in Iowa.",
        [("e1", "PERSON", "John Clifford", ["Clifford"])],
    ),
    identity_article(
        1,
        "Mark Clifford, a Hong Kong activist, was arrested on Monday. Clifford denied the charges.",
        [("e1", "PERSON", "Mark Clifford", ["Clifford"])],
    ),
    identity_article(
        2,
        "Senator Jim Risch of Idaho said the Centers for Disease Control and Prevention (CDC) must act.",
        [
            ("e1", "PERSON", "Jim Risch", []),
            ("e2", "ORG", "Centers for Disease Control and Prevention", ["CDC"]),
        ],
    ),
    identity_article(
        3,
        "James Risch asked the CDC for its data. Apple Inc. shares rose.",
        [("e1", "PERSON", "James Risch", []), ("e2", "ORG", "CDC", []), ("e3", "ORG", "Apple Inc.", [])],
    ),
    identity_article(
        4,
        "Apple Computer unveiled a laptop; Apple said sales doubled. A 52-year-old man was held.",
        [
            ("e1", "ORG", "Apple Computer", []),
            ("e2", "ORG", "Apple", []),
            ("e3", "PERSON", "52-year-old man", []),
        ],
    ),
    identity_article(
        5,
        "A 52-year-old man was held in Ohio after the crash. Apple declined to comment.",
        [("e1", "PERSON", "52-year-old man", []), ("e2", "ORG", "Apple", [])],
    ),
]
"""Hand-written articles for entity identity: namesakes, a nickname, an acronym, a company's
forms, and a description (the 52-year-old man: its mentions are descriptions)."""


def identity_articles() -> list[Analysis]:
    """Return fresh copies of the identity articles."""
    out = [a.model_copy(deep=True) for a in _IDENTITY]
    for analysis in out:
        for entity in analysis.entities:
            if entity.name == "52-year-old man":
                for mention in entity.mentions:
                    mention.kind = "description"
    return out


def entity_sets(url: str) -> set[tuple[str, str, frozenset[str]]]:
    """Return the store's entities as (type, name, input ids of their articles)."""
    engine = open_store(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT e.id, e.type, e.name, a.doc_id FROM entities e JOIN article_entities ae "
                    "ON ae.entity_id = e.id JOIN articles a ON a.id = ae.article_id"
                )
            )
            found: dict[int, tuple[str, str, set[str]]] = {}
            for r in rows:
                found.setdefault(r.id, (r.type, r.name, set()))[2].add(r.doc_id)
    finally:
        engine.dispose()
    return {(t, n, frozenset(d)) for t, n, d in found.values()}


STORY_PEOPLE = [("e1", "PERSON", "Ibrahim Wario", ["Wario"]), ("e2", "ORG", "Marsabit Liberation Front", [])]


def market_analysis(
    id: str, body: str, day: str, source: str, quantities: list[tuple[str, float, str, str]]
) -> Analysis:
    """A report of the Marsabit market attack: its people, the attack, and its death toll (if any)."""
    analysis = make_analysis(
        body,
        id=id,
        source=source,
        title=body.split(".")[0],
        published=day,
        entities=STORY_PEOPLE,
        events=[("ASSAULT", "attack", ["e2"], [])],
        quantities=quantities,
    )
    dead = quantities[0][1] if quantities else None
    return analysis.model_copy(update={"events": [analysis.events[0].model_copy(update={"dead": dead})]})


POLICE = (
    "Gunmen killed 12 people in an attack on the Marsabit cattle market on Tuesday, police "
    "commander Ibrahim Wario said. Wario said the gunmen of the Marsabit Liberation Front fled "
    "toward the border after the market attack, and traders closed their stalls."
)
REBELS = (
    "The Marsabit Liberation Front said its gunmen killed 40 people in the attack on the Marsabit "
    "cattle market on Tuesday. Police commander Ibrahim Wario disputed the figure, and traders "
    "said the market attack had emptied the stalls."
)
ARREST = (
    "Police commander Ibrahim Wario said officers arrested two gunmen of the Marsabit Liberation "
    "Front over the attack on the Marsabit cattle market, where traders have not reopened their stalls."
)
FLOODS = (
    "Floods cut the road between Nairobi and Mombasa on Sunday, and the Kenya Red Cross said "
    "hundreds of families had left their homes near the Tana River."
)


def story_articles() -> list[Analysis]:
    """Two reports of one attack that disagree on the toll, a later arrest, and an unrelated flood."""
    return [
        market_analysis("police", POLICE, "2024-05-01", "Daily Courier", [("12 people", 12, "person", "e1")]),
        market_analysis(
            "rebels", REBELS, "2024-05-04", "Northern Herald", [("40 people", 40, "person", "e2")]
        ),
        market_analysis("arrest", ARREST, "2024-05-07", "Daily Courier", []),
        make_analysis(
            FLOODS,
            id="floods",
            source="Daily Courier",
            title="Floods cut the road",
            published="2024-05-04",
            entities=[("e1", "ORG", "Kenya Red Cross", []), ("e2", "GPE", "Nairobi", [])],
        ),
    ]
