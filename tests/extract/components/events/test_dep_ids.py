"""The hottest walks over children test a child's dependency by its id (`Token.dep`), not its label
(`Token.dep_`, decoded at every read; issue 15, events CPU): the ids are those the parse stores, for a
label spaCy has a symbol for ("prep") and one it has not ("hmod") alike, and the walks answer as before."""

from __future__ import annotations

from newsgraph.extract.components.events import _dep_ids
from newsgraph.extract.components.events._dep_ids import dep_ids
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from tests.support.event_parses import parsed, spec

# "the mayor was ousted by the council"; "the council ousted the mayor on Monday"
_PASSIVE = spec(
    "the/1/det/DT/DET mayor/3/nsubjpass/NN/NOUN was/3/auxpass/VBD/AUX ousted/3/ROOT/VBN/VERB "
    "by/3/agent/IN/ADP the/6/det/DT/DET council/4/pobj/NN/NOUN"
)
_ACTIVE = spec(
    "the/1/det/DT/DET council/2/nsubj/NN/NOUN ousted/2/ROOT/VBD/VERB the/4/det/DT/DET "
    "mayor/2/dobj/NN/NOUN on/2/prep/IN/ADP Monday/5/pobj/NNP/PROPN"
)
_LABELS = {
    "ADVMOD": "advmod", "AGENT": "agent", "APPOS": "appos", "AUX": "aux", "AUXPASS": "auxpass",
    "CONJ": "conj", "DOBJ": "dobj", "OPRD": "oprd", "PCOMP": "pcomp", "POBJ": "pobj", "PREP": "prep",
    "PRT": "prt",
}  # fmt: skip


def test_dep_ids_are_the_ids_the_parse_stores() -> None:
    doc = parsed(_ACTIVE + spec("-/0/hmod/HYPH/PUNCT"))
    for tok in doc:
        for name, label in _LABELS.items():
            assert (tok.dep == getattr(_dep_ids, name)) == (tok.dep_ == label)
        assert (tok.dep in dep_ids("nsubj", "hmod")) == (tok.dep_ in ("nsubj", "hmod"))
        assert (tok.dep in _dep_ids.SUBJECTS) == (tok.dep_ in ("nsubj", "csubj"))


def test_doer_and_voice_by_dependency_ids_two_docs_in_a_row() -> None:
    lex = load_lexicon()
    g = Grammar(lex, frozenset())
    passive, active = parsed(_PASSIVE), parsed(_ACTIVE)
    assert g.is_passive(passive[3])
    doer = g.agent(passive[3])
    assert doer is not None and doer.text == "council"  # the pobj of the "by" agent
    assert not g.is_passive(active[2])  # the next doc's verb, same words, its own answer
    doer = g.agent(active[2])
    assert doer is not None and doer.text == "council" and doer.i == 1
    assert [p.text for p, o in g.prep_objects(active[2], ("on",))] == ["on"]
    assert g.pobj(active[5]) is not None and g.pobj(active[5]).text == "Monday"
