"""An act done to a counterpart, coded with none while its sentence names another party: a weak reading.

Sanctions are imposed on someone, aid goes to someone, cooperation, support and concessions are given to
someone (event_rules.json `named_counterpart_types`). When such an event has no target and its sentence
names a party (a person, an organisation, a group, a country or a people) that is not its source, the
counterpart is most often that party, left out ("U.S. lawmakers welcomed the announcement that Ukraine had
agreed …", "the government froze a Chinese-funded pipeline"). The event is kept as a weak reading, under
0.5 (event_confidence.json ceiling `unnamed_counterpart`); the judged reads behind it are in
docs/evaluation.md (branch c1). A threat is not one of these types: it can be made against the people at
large ("prepared to impose martial law as battles raged in the capital").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.extract.components.events._drafting import Draft
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import get_entities

_PARTIES = frozenset({"PERSON", "ORG", "GPE", "GROUP", "NORP"})
"""The entity types that can be a side of an event (not a place's LOC, a date, a disease)."""


def unnamed_counterpart(doc: Doc, d: Draft, sent: Span, lex: Lexicon) -> bool:
    """Whether an event of a counterpart type has no target while its sentence names another party: an
    entity mentioned in the sentence, outside the source's phrase, that is not a source."""
    if d.targets or d.type not in lex.named_counterpart_types:
        return False
    sides = {a.entity for a in d.sources if a.entity}
    spans = [(doc[a.start].idx, doc[a.end - 1].idx + 1) for a in d.sources if a.end > a.start]
    start, end = sent.start_char, sent.end_char
    for entity in get_entities(doc):
        if entity.type not in _PARTIES or entity.id in sides:
            continue
        for m in entity.mentions:
            if start <= m.start < end and not any(s <= m.start < e for s, e in spans):
                return True
    return False
