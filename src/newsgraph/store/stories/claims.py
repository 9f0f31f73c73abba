"""Numbers side by side: the figures a story's articles give for the same count, and who gives them.

A figure is a stored quantity of one of the story's articles. Figures count the same thing when
they have the same kind (a count, money in one currency, a percentage…), the same counted noun
(the last word of the unit: "33 BLA terrorists" and "30 terrorists" both count terrorists;
"person" is read as "people") and the same predicate: what the sentence's nearest confident
event says happened to them — `killed` when the event's dead toll is the figure, `injured`
likewise — else what the words next to the figure say happened to them (`claim_rules.json`: "259
people are dead", "the outbreak has killed 292 people" and "194 deaths" count people killed: a
disease's or a disaster's toll has no actor to make an event), else the event's PLOVER type (AID
for "rescued"). A figure with neither has no predicate and is in no table ("450 passengers" on
board and "21 passengers" killed count different things). A claim table is such a group with
figures from at least two articles; it is flagged as a disagreement when two of its figures
differ by more than `TOLERANCE` (an approximate figure, "nearly 200", by more than
`APPROX_TOLERANCE`). Each figure keeps its article, claimant and sentence, so a reader sees who
said what, when, and where.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Connection, select

from newsgraph.extract.lexicons import load_json
from newsgraph.models import EVENT_MIN_CONFIDENCE
from newsgraph.rows import Kind
from newsgraph.store import schema as s

TOLERANCE = 0.0
APPROX_TOLERANCE = 0.1
MAX_ARTICLES = 300
"""Claim tables read the figures of a story's latest articles up to this many."""
_PEOPLE = frozenset({"person", "people", "persons"})
CLAUSE_WORDS = 4
"""How many words of the figure's clause after it may say what happened to what it counts."""
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
_LAST_WORD = re.compile(r"([^\W_]+)\s+$")


@dataclass(frozen=True, slots=True)
class Figure:
    """One article's figure for a count, with its claimant and sentence."""

    quantity_id: int
    article_id: int
    title: str | None
    source: str | None
    published: str | None
    text: str
    value: float
    approximate: bool
    claimant_id: int | None
    claimant_name: str | None
    sentence_text: str
    """The sentence it is in, as written."""
    start: int
    end: int
    """Offsets of the figure in the article text (`text[start:end]`)."""


@dataclass(frozen=True, slots=True)
class ClaimTable:
    """Figures of several articles for one count: what is counted, and whether they disagree."""

    kind: str
    unit: str
    counted: str
    predicate: str | None
    figures: list[Figure]
    disagree: bool
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One figure of a story's claim table, flattened: the table's fields, then the figure's. The
    figure's columns mean what they mean in the `quantities` table and its article's keys."""

    story_id: int
    table: int
    counted: str
    predicate: str | None
    kind: str
    disagree: bool
    quantity_id: int
    article_id: int
    value: float
    text: str
    approximate: bool
    claimant_id: int | None
    claimant_name: str | None
    source: str | None
    published: str | None
    start: int
    end: int
    sentence_text: str


CLAIM_COLUMNS: dict[str, tuple[Kind, str]] = {
    "table": ("int", "Which claim table of the story the figure is in, 1 first (disagreements first)."),
    "counted": ("str", 'What the table\'s figures count: the last word of their unit ("people").'),
    "predicate": (
        "str",
        "What happened to what they count: `killed`, `injured`, or the PLOVER type of the sentence's event.",
    ),
    "disagree": ("bool", "True when two of the table's figures differ by more than the tolerance."),
    "quantity_id": ("int", "The stored quantity the figure is (`quantities.id`)."),
    "sentence_text": ("str", "The sentence the figure is in, as written."),
}
"""The columns of a `ClaimRow` that are no column of `quantities` or key of `rows.KEY_COLUMNS`:
their types and meanings (for the export and the data dictionary)."""
_FIGURE_FIELDS = tuple(f.name for f in fields(ClaimRow) if f.name in {g.name for g in fields(Figure)})


def claim_rows(story_id: int, tables: Sequence[ClaimTable]) -> list[ClaimRow]:
    """Return the figures of a story's claim tables as rows, table by table."""
    return [
        ClaimRow(
            story_id=story_id,
            table=number,
            counted=table.counted,
            predicate=table.predicate,
            kind=table.kind,
            disagree=table.disagree,
            **{name: getattr(figure, name) for name in _FIGURE_FIELDS},
        )
        for number, table in enumerate(tables, start=1)
        for figure in table.figures
    ]


def counted_noun(unit: str | None) -> str:
    """Return what a unit counts: its last word, lower case; a person counts as people."""
    words = (unit or "").casefold().split()
    last = words[-1] if words else ""
    return "people" if last in _PEOPLE else last


def disagree(figures: Sequence[Figure]) -> bool:
    """Whether two figures differ by more than the tolerance (relative to the larger)."""
    for i, a in enumerate(figures):
        for b in figures[i + 1 :]:
            tolerance = APPROX_TOLERANCE if a.approximate or b.approximate else TOLERANCE
            if abs(a.value - b.value) > tolerance * max(abs(a.value), abs(b.value)):
                return True
    return False


def claim_tables(conn: Connection, story_id: int) -> list[ClaimTable]:
    """Return the story's claim tables, disagreements first, then by how many articles give figures."""
    a, q = s.articles.c, s.quantities.c
    articles = {
        int(r.id): r
        for r in conn.execute(
            select(a.id, a.title, a.published, s.sources.c.name.label("source"))
            .select_from(s.articles.outerjoin(s.sources, s.sources.c.id == a.source_id))
            .where(a.story_id == story_id)
            .order_by(a.published_day.desc(), a.id.desc())
            .limit(MAX_ARTICLES)
        )
    }
    if len(articles) < 2:
        return []
    ids = sorted(articles)
    rows = conn.execute(
        select(
            q.id,
            q.article_id,
            q.start,
            q.end,
            q.text,
            q.value,
            q.approximate,
            q.unit,
            q.kind,
            q.currency,
            q.claimant_id,
            q.sentence,
            s.entities.c.name.label("claimant_name"),
        )
        .select_from(s.quantities.outerjoin(s.entities, s.entities.c.id == q.claimant_id))
        .where(q.article_id.in_(ids), q.value.is_not(None), q.unit.is_not(None))
        .order_by(q.id)
    ).all()
    events = _events(conn, ids)
    texts = _sentences(conn, {int(r.article_id) for r in rows})
    groups: dict[tuple[str, str, str | None], list[Any]] = defaultdict(list)
    for row in rows:
        noun = counted_noun(row.unit)
        if not noun or row.kind == "fraction":
            continue
        kind = f"{row.kind}:{row.currency}" if row.currency else row.kind
        told = _outcome_noun(noun)
        if told is not None:
            noun = "people"
        else:
            told = _told(row, texts[int(row.article_id)])
        predicate = _predicate(row, events.get((row.article_id, row.sentence), ()), told)
        groups[(kind, noun, predicate)].append(row)
    wanted = [
        (key, found)
        for key, found in groups.items()
        if key[2] is not None and len({r.article_id for r in found}) >= 2
    ]
    tables = [_table(key, found, articles, texts) for key, found in wanted]
    tables.sort(
        key=lambda t: (not t.disagree, -len({f.article_id for f in t.figures}), t.counted, t.predicate or "")
    )
    return tables


def _events(conn: Connection, article_ids: Sequence[int]) -> dict[tuple[int, int], list[Any]]:
    ev = s.events.c
    out: dict[tuple[int, int], list[Any]] = defaultdict(list)
    for r in conn.execute(
        select(ev.article_id, ev.sentence, ev.type, ev.trigger_start, ev.dead, ev.injured).where(
            ev.article_id.in_(article_ids), ev.confidence >= EVENT_MIN_CONFIDENCE, ev.negated.is_(False)
        )
    ):
        out[(int(r.article_id), int(r.sentence))].append(r)
    return out


def _predicate(row: Any, events: Iterable[Any], told: str | None) -> str | None:
    """Return what happened to what the figure counts: `killed` or `injured` (the nearest event's
    toll, else the words `told` it), the nearest event's type, or None."""
    nearest = min(events, key=lambda e: (abs(e.trigger_start - row.start), e.trigger_start), default=None)
    if nearest is not None and nearest.dead is not None and nearest.dead == row.value:
        return "killed"
    if nearest is not None and nearest.injured is not None and nearest.injured == row.value:
        return "injured"
    if told is not None:
        return told
    return None if nearest is None else str(nearest.type)


@functools.cache
def _outcomes() -> dict[str, Mapping[str, frozenset[str]]]:
    rules = load_json("claim_rules.json")
    return {
        outcome: {part: frozenset(rules[outcome][part]) for part in ("after", "before", "nouns")}
        for outcome in ("killed", "injured")
    }


def _outcome_noun(noun: str) -> str | None:
    """Return the outcome a counted noun names ("deaths": `killed`), or None."""
    return next((outcome for outcome, words in _outcomes().items() if noun in words["nouns"]), None)


def _told(row: Any, article: tuple[str, list[tuple[int, int]]]) -> str | None:
    """Return the outcome the words next to the figure tell ("292 people are dead", "killed 292
    people"), or None: the word just before it, or one of the first words of its clause after it."""
    text, bounds = article
    start, end = bounds[row.sentence] if 0 <= row.sentence < len(bounds) else (0, len(text))
    last = _LAST_WORD.search(text[start : row.start])
    before = last.group(1).casefold() if last else ""
    after: list[str] = []
    ends = frozenset(load_json("claim_rules.json")["clause_ends"])
    for token in _TOKEN.findall(text[row.end : end]):
        word = token.casefold()
        if not token[0].isalnum() or word in ends or len(after) == CLAUSE_WORDS:
            break
        after.append(word)
    for outcome, words in _outcomes().items():
        if before in words["before"] or not words["after"].isdisjoint(after):
            return outcome
    return None


def _sentences(conn: Connection, wanted: set[int]) -> dict[int, tuple[str, list[tuple[int, int]]]]:
    """Return the text and sentence offsets of the articles whose figures are shown."""
    out: dict[int, tuple[str, list[tuple[int, int]]]] = {}
    a = s.articles.c
    for r in conn.execute(select(a.id, a.text, a.sentences).where(a.id.in_(sorted(wanted)))):
        out[int(r.id)] = (r.text, [(int(x["start"]), int(x["end"])) for x in r.sentences or ()])
    return out


def _table(
    key: tuple[str, str, str | None],
    rows: list[Any],
    articles: dict[int, Any],
    sentences: dict[int, tuple[str, list[tuple[int, int]]]],
) -> ClaimTable:
    kind, noun, predicate = key
    figures = []
    for r in rows:
        article = articles[r.article_id]
        text, bounds = sentences[r.article_id]
        start, end = bounds[r.sentence] if 0 <= r.sentence < len(bounds) else (r.start, r.end)
        figures.append(
            Figure(
                quantity_id=int(r.id),
                article_id=int(r.article_id),
                title=article.title,
                source=article.source,
                published=article.published,
                text=r.text,
                value=float(r.value),
                approximate=bool(r.approximate),
                claimant_id=r.claimant_id,
                claimant_name=r.claimant_name,
                sentence_text=text[start:end],
                start=int(r.start),
                end=int(r.end),
            )
        )
    figures.sort(key=lambda f: (f.published or "", f.article_id, f.start))
    values = [f.value for f in figures]
    return ClaimTable(
        kind=kind.split(":")[0],
        unit=rows[0].unit,
        counted=noun,
        predicate=predicate,
        figures=figures,
        disagree=disagree(figures),
        low=min(values),
        high=max(values),
    )
