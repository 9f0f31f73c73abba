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
        for start, end, label, id_, kb_id in _FACTS[key](doc):
            span = doc.char_span(start, end, label=label, kb_id=kb_id, span_id=id_, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[key] = spans
    return doc
