"""A participle after a verb of seeming or feeling names a state of its subject, no act.

"Trumka felt compelled to issue a memo", "the prosecutor looked crushed", "the governor seemed threatened":
the participle says how the subject feels or looks, as an adjective would ("felt obliged", "looked tired");
no one is said to have compelled, crushed or threatened anyone. The verbs (`seeming_verbs`, every form) are
those of appearance and feeling, which take an adjective as their complement; "was compelled", "got
arrested" and "seem to be attacked" (an infinitive between them) are passives of acts and keep their
events. The parser hangs the seeming verb on the participle as its auxiliary ("felt compelled") or the
participle on the verb as its complement ("feel threatened"); both are read.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

_AUX_DEPS = frozenset({"aux", "auxpass"})
_COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "xcomp"})


def felt_state(verb: Token, g: Grammar, lex: Lexicon) -> bool:
    """Whether `verb`, a participle, is the complement of a verb of seeming or feeling ("felt compelled",
    "looked crushed"), not the verb of an act."""
    if verb.tag_ not in ("VBN", "JJ"):
        return False
    kids = g.kids(verb)
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in kids):
        return False  # "seem to be attacked": the infinitive is a passive act
    if any(c.dep_ in _AUX_DEPS and c.lower_ in lex.seeming_verbs for c in kids):
        return True  # "felt compelled", parsed with "felt" as the participle's auxiliary
    return verb.dep_ in _COMPLEMENT_DEPS and verb.head.lower_ in lex.seeming_verbs
