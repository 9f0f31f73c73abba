"""An actor's named entities are read from its words' entity tags (issue 15, events CPU): `Doc.ents` built
every entity of the doc at each ask, and `Span.ents` reads all of it. The answers are those of `doc.ents`
for every stretch and every word, an entity running past the stretch or into it included."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.extract.components.events._entity_tags import ent_at, ents_within
from tests.support.event_parses import parsed, spec

# "North Korea 's envoy met South Korean officials in Seoul on Monday"
_ROWS = spec(
    "North/1/compound/NNP/PROPN Korea/3/poss/NNP/PROPN 's/1/case/POS/PART envoy/4/nsubj/NN/NOUN "
    "met/4/ROOT/VBD/VERB South/6/compound/NNP/PROPN Korean/7/amod/JJ/ADJ officials/4/dobj/NNS/NOUN "
    "in/4/prep/IN/ADP Seoul/8/pobj/NNP/PROPN on/4/prep/IN/ADP Monday/10/pobj/NNP/PROPN"
)


def _doc() -> Doc:
    doc = parsed(_ROWS)
    doc.ents = [
        Span(doc, 0, 2, label="GPE"),
        Span(doc, 5, 7, label="NORP"),
        Span(doc, 9, 10, label="GPE"),
        Span(doc, 11, 12, label="DATE"),
    ]
    return doc


def _key(spans: list[Span] | tuple[Span, ...]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label_) for s in spans]


def test_entity_tags_within_every_stretch_as_span_ents() -> None:
    doc = _doc()
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert _key(ents_within(doc, start, end)) == _key(doc[start:end].ents)
    assert _key(ents_within(doc, 0, 4)) == [(0, 2, "GPE")]  # "North Korea's envoy"
    assert ents_within(doc, 1, 4) == [] and ents_within(doc, 5, 6) == []  # cut into: not within


def test_entity_tags_at_every_word_as_doc_ents() -> None:
    doc = _doc()
    for tok in doc:
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        found = ent_at(doc, tok.i)
        assert (found is None) == (ent is None)
        if ent is not None and found is not None:
            assert (found.start, found.end, found.label_, found.text) == (
                ent.start,
                ent.end,
                ent.label_,
                ent.text,
            )
