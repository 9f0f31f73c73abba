"""Resultative adjectives the parse puts inside an object ("shot dead two militants").

English puts a verb's resultative adjective right after the verb and before its object: "shot dead
two militants", "set free the hostages", "beat unconscious a guard". The parse often reads the
adjective as the object's modifier ("dead" of "militants"), and the target's phrase then starts with
it ("dead two militants"). No adjective of a noun phrase stands before its determiner, possessive or
number ("the two dead militants", never "dead the militants"), so an adjective there belongs to the
verb, not to the object's phrase. An ordinal ("first two") is a number's own modifier and stays.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar

_OBJECTS = frozenset({"dobj"})
_DETERMINERS = frozenset({"det", "poss", "nummod"})


def resultative(mod: Token, g: Grammar) -> bool:
    """Whether an object's left modifier is the verb's resultative adjective: an adjective right after the
    verb and before the object's determiner, possessive or number ("shot dead two militants")."""
    if mod.dep_ != "amod" or mod.pos_ != "ADJ":
        return False  # the cheapest test first: most modifiers are no adjectives
    head = mod.head
    if head.dep_ not in _OBJECTS:
        return False
    if mod.i != head.head.i + 1 or mod.ent_type_ == "ORDINAL":
        return False
    return any(c.dep_ in _DETERMINERS and mod.i < c.i < head.i for c in g.kids(head))
