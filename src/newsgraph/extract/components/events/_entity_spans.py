"""The `newsgraph_entities` spans after the events component: the group's spans of the mentions it held
on entry are kept, and only the mentions the component added get new ones.

The component changes entities only through `new_entity` and `add_mention`, which add entities and
mentions and change none (the contract `EventCoder.__call__` relies on), and the group found on entry
is current, since every component that changes entities rewrites it. A mention's span is made from its
offsets and its entity's type, knowledge-base id and id alone (`spans.write_spans`). So the span of a
mention the group held on entry is the group's own, read back from it (a `SpanGroup` gives a Span
without looking up characters; `Doc.char_span` looks up its tokens and builds five Token objects), and
only an added mention's is made: the same spans, in the order `write_spans` writes them. A group that
does not hold one span per mention (a mention whose offsets fell in no token, which `char_span` skips)
is written afresh, as is a missing group (the component run without the entities component).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.extract.extensions import get_entities
from newsgraph.extract.spans import write_spans

_KEY = "newsgraph_entities"


class EntitySpans:
    """The doc's mentions on entry to the component, by offsets and entity id, in the group's order."""

    def __init__(self, doc: Doc) -> None:
        entities = get_entities(doc)
        self.size = len(entities)
        self.marks = [(m.start, m.end, e.id) for e in entities for m in e.mentions]

    def write(self, doc: Doc) -> Doc:
        """Write the `newsgraph_events` spans, and the `newsgraph_entities` spans when the component added
        an entity or a mention (equal counts mean equal entities: they only grow); return the doc."""
        entities = get_entities(doc)
        added = (len(entities), sum(len(e.mentions) for e in entities)) != (self.size, len(self.marks))
        group = doc.spans.get(_KEY)
        if group is not None and not added:
            return write_spans(doc, "newsgraph_events")
        if group is None or len(group) != len(self.marks):
            return write_spans(doc, "newsgraph_events", _KEY)
        write_spans(doc, "newsgraph_events")
        kept = dict(zip(self.marks, group, strict=True))
        spans: list[Span] = []
        for e in entities:
            for m in e.mentions:
                span = kept.get((m.start, m.end, e.id))
                if span is None:
                    kb_id = e.kb or ""
                    span = doc.char_span(
                        m.start, m.end, label=e.type, kb_id=kb_id, span_id=e.id, alignment_mode="expand"
                    )
                if span is not None:
                    spans.append(span)
        doc.spans[_KEY] = spans
        return doc
