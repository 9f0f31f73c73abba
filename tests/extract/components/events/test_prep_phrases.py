"""The grammar's prepositional phrases of a word (issue 15, point 5): its prepositions among some words,
in order, and those with an object, each with its first object; a preposition without an object (one
before a gerund) is no phrase with an object, and a word's other prepositions are not its phrases."""

from __future__ import annotations

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from tests.support.event_parses import parsed, spec

# "Envoys met with rebels in Doha before leaving."
_MET = spec(
    "Envoys/1/nsubj/NNS/NOUN met/1/ROOT/VBD/VERB with/1/prep/IN/ADP rebels/2/pobj/NNS/NOUN "
    "in/1/prep/IN/ADP Doha/4/pobj/NNP/PROPN before/1/prep/IN/ADP leaving/6/pcomp/VBG/VERB "
    "./1/punct/./PUNCT"
)


def test_preps_are_a_words_prepositions_among_the_words_in_order() -> None:
    g = Grammar(load_lexicon(), frozenset())
    doc = parsed(_MET)
    met = doc[1]
    assert [c.text for c in g.preps(met, ("before", "with"))] == ["with", "before"]
    assert [c.text for c in g.preps(met, frozenset({"in"}))] == ["in"]
    assert list(g.preps(met, ("of",))) == []
    assert list(g.preps(doc[3], ("with",))) == []  # the object has no phrase of its own


def test_prep_objects_pair_each_preposition_with_its_object_and_skip_those_without() -> None:
    g = Grammar(load_lexicon(), frozenset())
    doc = parsed(_MET)
    pairs = [(p.text, o.text) for p, o in g.prep_objects(doc[1], ("with", "in", "before"))]
    assert pairs == [("with", "rebels"), ("in", "Doha")]  # "before leaving": a gerund, no object
    assert [(p.text, o.text) for p, o in g.prep_objects(doc[1], ("in",))] == [("in", "Doha")]
