"""The facts as spaCy span groups: `doc.spans["newsgraph_quotes"]` and the like.

The Analysis types in `doc._` (see `extensions`) are the record; the span groups are the same
facts in spaCy's own terms, so spaCy's tools work on them: `displacy.render(doc, style="span",
options={"spans_key": "newsgraph_quotes"})` shows the quotes, `DocBin` and `nlp.pipe(…,
n_process=2)` carry them, and code written for spans reads them without knowing newsgraph.

    group                  one span per                 label                 span.id_        span.kb_id_
    newsgraph_entities     mention of an entity         entity type (PERSON)  entity id (e1)  Entity.kb
    newsgraph_quotes       quote (its content)          direct/indirect/mixed quote id (q1)
    newsgraph_events       event (its trigger)          PLOVER type           event id (v1)
    newsgraph_quantities   quantity                     kind (count, money…)  position (0, 1…)
    newsgraph_times        time expression              TIMEX3 type (DATE)    time id (t1)
    newsgraph_places       mention of a place           feature (city…)       place id (p1)   GeoNames id

Offsets that fall inside a token are widened to whole tokens. `write_spans` rewrites groups from
the facts; each fact component ends its `__call__` with `return write_spans(doc, KEY, …)`,
naming every group whose facts it changed (the quotes component: its quotes, and the entities it
adds mentions to), so the groups are current after any component, in newsgraph's pipeline or in
a spaCy user's own.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from newsgraph.extract.extensions import (
    get_entities,
    get_events,
    get_places,
    get_quantities,
    get_quotes,
    get_times,
)
from newsgraph.models import Mention

_Fact = tuple[int, int, str, str, str]
"""start, end, label, id, kb id."""


def _entities(doc: Doc) -> Iterable[_Fact]:
    return ((m.start, m.end, e.type, e.id, e.kb or "") for e in get_entities(doc) for m in e.mentions)


def _quotes(doc: Doc) -> Iterable[_Fact]:
    return ((q.start, q.end, q.kind, q.id, "") for q in get_quotes(doc))


def _events(doc: Doc) -> Iterable[_Fact]:
    return ((e.trigger.start, e.trigger.end, e.type, e.id, "") for e in get_events(doc))


def _quantities(doc: Doc) -> Iterable[_Fact]:
    return ((q.start, q.end, q.kind, str(i), "") for i, q in enumerate(get_quantities(doc)))


def _times(doc: Doc) -> Iterable[_Fact]:
    return ((t.start, t.end, t.type, t.id, "") for t in get_times(doc))


def _places(doc: Doc) -> Iterable[_Fact]:
    return (
        (m.start, m.end, p.feature or "place", p.id, "" if p.geonameid is None else str(p.geonameid))
        for p in get_places(doc)
        for m in p.mentions
    )


_FACTS = {
    "newsgraph_entities": _entities,
    "newsgraph_quotes": _quotes,
    "newsgraph_events": _events,
    "newsgraph_quantities": _quantities,
    "newsgraph_times": _times,
    "newsgraph_places": _places,
}

SPAN_GROUPS: tuple[str, ...] = tuple(_FACTS)
"""The `doc.spans` keys newsgraph writes."""


def write_spans(doc: Doc, *keys: str) -> Doc:
    """Rewrite the span groups `keys` (default: all of `SPAN_GROUPS`) from the doc's facts; return the doc.

    Raises:
        KeyError: a key is not one of `SPAN_GROUPS`.
    """
    for key in keys or SPAN_GROUPS:
        spans: list[Span] = []
        for fact in _FACTS[key](doc):
            span = _span(doc, fact)
            if span is not None:
                spans.append(span)
        doc.spans[key] = spans
    return doc


def _span(doc: Doc, fact: _Fact) -> Span | None:
    """The span of a fact, its offsets widened to whole tokens (None: no token there)."""
    start, end, label, id_, kb_id = fact
    return doc.char_span(start, end, label=label, kb_id=kb_id, span_id=id_, alignment_mode="expand")


_Written = list[tuple[Mention, int, int]]
"""The mentions (with their offsets) that the entities group was written from, in its order."""


def written_mentions(doc: Doc) -> _Written:
    """Return the doc's mentions as `write_spans` writes the entities group from them, in its order, each
    with its offsets: call while the group is current, then pass to `add_entity_spans`."""
    return [(m, m.start, m.end) for e in get_entities(doc) for m in e.mentions]


def add_entity_spans(doc: Doc, written: _Written) -> Doc:
    """Rewrite the entities group after mentions or entities were added, as `write_spans` would, making
    spans only for the mentions not among `written` (`written_mentions`, read while the group was
    current); return the doc.

    A mention of `written` keeps its span from the group (the i-th span is the i-th mention's, since
    the group holds one for each) while its offsets, and its entity's type, kb id and id, are those
    the span was made with; other mentions get a new span. A group with another number of spans
    than `written` has mentions (`char_span` found no token) it cannot tell apart: it is written whole.
    """
    key = "newsgraph_entities"
    group = doc.spans.get(key)
    if group is None or len(group) != len(written):
        return write_spans(doc, key)
    kept = {(id(m), start, end): span for (m, start, end), span in zip(written, group, strict=True)}
    strings = doc.vocab.strings
    spans: list[Span] = []
    for e in get_entities(doc):
        kb = e.kb or ""
        made_with = (strings.add(e.type), strings.add(kb), strings.add(e.id))
        for m in e.mentions:
            span = kept.get((id(m), m.start, m.end))
            if span is None or (span.label, span.kb_id, span.id) != made_with:
                span = _span(doc, (m.start, m.end, e.type, e.id, kb))
            if span is not None:
                spans.append(span)
    doc.spans[key] = spans
    return doc
