"""A verb's "for" subject clause is one of the `FOR_CLAUSE_DEPS` (issue 15, events CPU: the trigger
finder reads no other child's children for it)."""

from __future__ import annotations

from newsgraph.extract.components.events._for_clauses import FOR_CLAUSE_DEPS, for_subject_clause
from tests.support.event_parses import parsed, spec

# "Leaders called on Monday for the army to withdraw from the city, and the rebels for talks."
_CALLED = spec(
    "Leaders/1/nsubj/NNS/NOUN called/1/ROOT/VBD/VERB on/1/prep/IN/ADP Monday/2/pobj/NNP/PROPN "
    "for/8/mark/IN/SCONJ the/6/det/DT/DET army/8/nsubj/NN/NOUN to/8/aux/TO/PART withdraw/1/advcl/VB/VERB "
    "from/8/prep/IN/ADP the/11/det/DT/DET city/9/pobj/NN/NOUN ,/1/punct/,/PUNCT and/1/cc/CC/CCONJ "
    "the/15/det/DT/DET rebels/1/conj/NNS/NOUN for/15/prep/IN/ADP talks/16/pobj/NNS/NOUN ./1/punct/./PUNCT"
)


def test_for_clause_deps_hold_every_for_subject_clause() -> None:
    doc = parsed(_CALLED)
    found = [t.i for t in doc if for_subject_clause(t, list(t.children))]
    assert found == [8]  # "withdraw", with its "for" subject "the army"
    assert all(doc[i].dep_ in FOR_CLAUSE_DEPS for i in found)
    assert not any(for_subject_clause(t, list(t.children)) for t in doc if t.dep_ not in FOR_CLAUSE_DEPS)
