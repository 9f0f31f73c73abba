"""Thanks, praise and apologies that a speaker performs by saying he wants to.

"I want to thank our teams", "we would like to congratulate the winners", "I particularly want to
commend X": a speaker who says in the present that he wants to thank, congratulate or commend does so
by saying it. The verb (`performative_verbs`) is his act, done as he speaks, not an intent of a
future act. Only the first person in the present performs: "the minister wanted to thank Germany"
and "Merkel wants to apologize to Greece" tell of a wish, and keep their intent. Thanks to one's own
people ("I want to thank our teams") is no act toward another party and is left as it was read.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

_WANTING = frozenset({"want", "like", "wish"})
_FIRST_PERSON = frozenset({"i", "we"})
_PRESENT = frozenset({"VBP", "VBZ", "VB"})


def performed(clause: Token, gov: Token, g: Grammar, lex: Lexicon) -> bool:
    """Whether `clause`, the infinitive complement of `gov`, is a thanks, praise or apology the first
    person performs by saying he wants to ("I want to thank", "we would like to congratulate")."""
    if clause.dep_ != "xcomp" or clause.head.i != gov.i or g.lemma(clause) not in lex.performative_verbs:
        return False
    if g.lemma(gov) not in _WANTING or gov.tag_ not in _PRESENT:
        return False
    kids = g.kids(gov)
    if any(c.dep_ == "neg" for c in kids):
        return False  # "I do not want to thank them"
    subject = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in _FIRST_PERSON:
        return False
    if any(_own(c, g) for c in g.kids(clause) if c.dep_ == "dobj"):
        return False  # "I want to thank our teams": thanks to one's own people, no act toward another party
    # "want" in the present, or "would like" / "'d like"; not "wanted", nor "will want"
    auxes = [c.lower_ for c in kids if c.dep_ == "aux"]
    if g.lemma(gov) == "like":
        return auxes in (["would"], ["'d"])
    return all(a in ("do", "also") for a in auxes)


def _own(obj: Token, g: Grammar) -> bool:
    """Whether an object is the first person's own ("our teams", "my staff")."""
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in g.kids(obj))
