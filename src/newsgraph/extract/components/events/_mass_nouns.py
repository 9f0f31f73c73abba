"""A noun whose counted sense is a party and whose mass sense is a thing: bare, it is no actor.

"Force" counts armed bodies ("a force of 500 troops", "the force", "security forces", "the air force",
"a task force"), but singular with no determiner, possessor, number or compound noun English reads it as
the mass noun, violence or strength: "threats to use force", "police could use deadly force", "force will
be used to remove the residents", "demand more force". Such a phrase names what is used, not who uses it
or who it is used on, so it is no side of an event (`mass_sense_nouns`, event_actors.json). A conjunct
may share the determiner of the first ("the army, air force and navy"), so it keeps its counted sense.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon

_COUNTING = frozenset({"det", "poss", "nummod", "predet", "compound"})


def mass_sense(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun is one of `mass_sense_nouns` in its mass sense: bare and singular, unshared."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in lex.mass_sense_nouns:
        return False
    if tok.dep_ == "conj":
        return False  # "the army, air force and commandos": the first conjunct's determiner counts it
    return not any(c.dep_ in _COUNTING for c in tok.children)
