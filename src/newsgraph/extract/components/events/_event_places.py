"""Where an event happened, as against whom it was done to: ground named by a place phrase.

In English an event noun's own "in" or "at" phrase naming ground says where the event happened ("the
attacks in Paris", "the shooting in San Bernardino", "a second attack at a CIA Annex", "clashes in Tripoli");
the side acted on is named by an "on"/"against"/"of" phrase, a possessive, or the object of the verb the noun
heads ("attacks on Kyiv", "the invasion of Ukraine"). `ArgumentFinder.noun_args` asks `says_where` so that
such a phrase is no target; the event's place field then takes it (`EventDetails.where_when`).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon

WHERE_PREPS = ("in", "at")
"""Prepositions whose ground object is where an event noun happened, never its target."""


def ground(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun names ground: a country, region or place name, or a territory or place noun
    ("American soil", "the city")."""
    lemma = tok.lemma_.lower()
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or lemma in lex.territory_nouns or lemma in lex.place_nouns


def says_where(prep: Token, pobj: Token, lex: Lexicon) -> bool:
    """Whether an event noun's phrase `prep pobj` says where it happened: "in" or "at" ground ("the attacks in
    Paris"); "at police", "in the crowd" name no ground and may still be a target."""
    return prep.lower_ in WHERE_PREPS and ground(pobj, lex)
