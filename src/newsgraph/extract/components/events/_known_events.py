"""Known events: a definite event noun with no side refers back to an event, it reports none.

English marks a noun phrase as definite ("the", "this", "those") when the reader already knows what it
names: an event told just before ("… took part in the operation. … the operation was conducted with
skill"), or one the reader is assumed to know ("the bombing took place" in 2004). Such a mention with no
side of its own is a repeat or a piece of background, not a new report, and it names no one who did it or
to whom: a weak reading. A new event comes in without the article ("Violent protests erupted in Colombia",
"Peaceful protest took place in Batsari") and stays as it is.

The determiner is read from the parse's morphology (`Definite=Def` of the article, `PronType=Dem` of a
demonstrative), not from a word list.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar


def definite_mention(tok: Token, g: Grammar) -> bool:
    """Whether an event noun is introduced by a definite article or a demonstrative ("the attack",
    "this war"); not by "a", "no", a number or nothing ("protests erupted")."""
    for c in g.kids(tok):
        if c.dep_ == "det" and c.i < tok.i:
            return "Def" in c.morph.get("Definite", []) or "Dem" in c.morph.get("PronType", [])
    return False
