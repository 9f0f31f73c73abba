"""Verbs of haste before an infinitive: the hurry is the manner of the infinitive's act, no act of its own.

"Army and government forces have rushed to evacuate hundreds of thousands of people", "rebels scrambled to
retake the town", "Cruz is racing to visit all 99 counties": the subject does what the infinitive says, and
does it in haste. The haste verb (`haste_verbs`) is then no event; the infinitive is the one event. The
CAMEO dictionary codes a military subject that rushes as a mobilization ("&MILITARY RUSH", 154), and that
stays true where forces are moved somewhere: "troops rushed to the border" (no infinitive), "the army rushed
troops to the border" and "rushed aid to the flood zone" (an object) keep their codes.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

_OBJECTS = frozenset({"dobj", "dative", "obj"})


def hastens_infinitive(verb: Token, g: Grammar, lex: Lexicon) -> bool:
    """Whether `verb` is a verb of haste whose to-infinitive complement is what its subject does in haste
    ("rushed to evacuate", "scrambling to raise"), with no object of its own ("rushed troops to …")."""
    if g.lemma(verb) not in lex.haste_verbs:
        return False  # the cheapest test first: nearly no verb is one of haste
    kids = g.kids(verb)
    if any(c.dep_ in _OBJECTS for c in kids):
        return False
    return any(c.dep_ == "xcomp" and g.to_infinitive(c) for c in kids)
