"""Animal phrases: whether an actor phrase names animals, which are never actors (`animal_nouns`).

English decides what a noun compound names by its head: "the dogs", "millions of dogs", "the farmers'
chickens" are animals, but "poultry farmers", "cattle rustlers", "dog meat sellers" and "animal rights
campaigners" are people, whatever animal word modifies the head. So an animal word in the phrase makes it
no actor unless it only modifies (as a compound or an adjective, before it) a head that names people: a
people noun (`_people_nouns.py`) or a Phoenix agent noun (`_actor_types.is_agent`: "rustlers",
"ranchers"). A word of a proper name is no animal ("the Bureau of Animal Industry").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._actor_types import is_agent
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._people_nouns import people_noun

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


def names_animals(words: list[Token], head: Token, lex: Lexicon) -> bool:
    """Whether a phrase (its words and its head) names animals: an animal word in it that is not a
    modifier of a people head ("millions of dogs", not "poultry farmers")."""
    people = people_noun(head, lex) or is_agent(head, lex)
    return any(
        t.pos_ != "PROPN" and t.lemma_.lower() in lex.animal_nouns and not (people and _premodifies(t, head))
        for t in words
    )


def _premodifies(tok: Token, head: Token) -> bool:
    """Whether a word before the head hangs from it by modifiers only ("animal rights campaigners")."""
    while tok.i < head.i and tok.dep_ in _MODIFIER_DEPS:
        tok = tok.head
        if tok.i == head.i:
            return True
    return False
