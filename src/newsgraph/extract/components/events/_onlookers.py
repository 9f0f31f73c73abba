"""Clauses whose subject only sees or answers an event noun: it did not do it.

Who sees or witnesses an event neither did it nor suffered it ("a resident who witnessed the attack":
`light_verbs_observer` of `lexicons/plover_triggers.json`). Nor did who responds or reacts to it
(`response_verbs` of `lexicons/event_rules.json`): "Nigeria responded to the Maiduguri bombing with a
curfew", "how Sanders will respond to an onslaught", "Russia reacted to the strikes". The one who answers
an act is most often the one it was done to, never its doer. An event noun in such a verb's "to" phrase
that names no doer of its own takes none from the clause (`ArgumentFinder.noun_args`).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon


def onlooker_clause(clause: Token, noun: Token, g: Grammar, lex: Lexicon) -> bool:
    """Whether the subject of an event noun's clause only sees it ("witnessed the attack") or answers it
    ("responded to the bombing", "responded to his attacks and his threats")."""
    lemma = g.lemma(clause)
    if lemma in lex.observer_lights:
        return True
    if lemma not in lex.response_verbs:
        return False
    _slot, dep, prep = g.noun_slot(noun)
    return dep == "pobj" and prep is not None and prep.lower_ == "to" and prep.head.i == clause.i
