"""The two parties a two-party noun names by a hyphened pair: "Turkey-Israel relations".

A noun of a relation, a meeting or a pact between two parties ("relations", "ties", "talks", "a summit", "a
deal", "a treaty"), premodified by a pair of names or demonyms joined by a hyphen ("Turkey-Israel relations",
"Turkish-Iranian relations", "the EU-Turkey deal"), names both parties. As an actor phrase ("do not want to
normalize Turkey-Israel relations", "criticized the EU-Turkey deal") it stands for the two of them, one actor
each, not for the noun's last name alone. The pair is read by `hyphen_pair`, the reader of "the Russia-Ukraine
war"; the word list is `lexicons/two_party_nouns.json`. A place noun ("the India-Pakistan border") is no
relation and keeps its phrase.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._proper_names import hyphen_pair, relation_noun


def relation_sides(noun: Token, lex: Lexicon) -> list[Token]:
    """Return the two words of a hyphened pair premodifying a relation noun ("Turkey-Israel relations":
    [Turkey, Israel]), else no word."""
    if not relation_noun(noun):
        return []
    for mod in noun.children:
        if mod.dep_ in ("compound", "nmod", "amod") and mod.i < noun.i:
            first = hyphen_pair(mod, lex.demonyms)
            if first is not None:
                return [first, mod]
    return []
