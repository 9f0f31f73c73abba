"""Where an event happened, as against whom it was done to: ground named by a place phrase.

In English an event noun's own "in" or "at" phrase naming ground says where the event happened ("the
attacks in Paris", "the shooting in San Bernardino", "a second attack at a CIA Annex", "clashes in Tripoli");
the side acted on is named by an "on"/"against"/"of" phrase, a possessive, or the object of the verb the noun
heads ("attacks on Kyiv", "the invasion of Ukraine"). `ArgumentFinder.noun_args` asks `says_where` so that
such a phrase is no target; the event's place field then takes it (`EventDetails.where_when`).

A verb's locative adjunct says the same ("went off in Brussels", "detonate a car bomb in Times Square", "a
rally at the Verizon Wireless Arena"): `happened_at` keeps it from being the verb's target, which is its
object, an "on"/"against" phrase or its passive subject ("invaded Iraq", "bombed Aleppo"). Two kinds of "in"
are kept: a verb whose "in" phrase is what it acts on (`in_object_verbs`: "intervene in Libya", "interfere in
the election"), and a measure, which applies to the ground ("imposed a curfew in X").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon

MEASURE_TYPES = frozenset({"COERCE", "SANCTION", "CONCEDE"})
"""Types of measures a place can be the target of ("a curfew on the town", "lifted the curfew in X")."""

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


def venue(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun is a venue: a facility or location name, or a place noun ("the hotel")."""
    return tok.ent_type_ in ("FAC", "LOC") or tok.lemma_.lower() in lex.place_nouns


def happened_at(verb: Token, prep: Token, pobj: Token | None, type_: str, lex: Lexicon) -> bool:
    """Whether a verb's phrase `prep pobj` says where its act happened: "in" ground ("went off in Brussels")
    or "at" a venue ("a rally at the Coliseum"); "at" a country ("fired at Israel", "lashed out at Turkey")
    aims at it, and a measure's or an `in_object_verbs` verb's "in" phrase is what it acts on."""
    if pobj is None or verb.pos_ not in ("VERB", "AUX") or type_ in MEASURE_TYPES:
        return False
    if prep.lower_ == "at":
        return venue(pobj, lex)
    return says_where(prep, pobj, lex) and verb.lemma_.lower() not in lex.in_object_verbs
