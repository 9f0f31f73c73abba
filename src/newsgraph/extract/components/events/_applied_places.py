"""Where an act applies, as against whom it is done to: a place phrase of the act's object is no side.

A locative phrase ("in", "at", "within", "across", "inside", "throughout") of a verb's object or complement
says where the act applies ("bans fishing in the northern part of the disputed sea", "voted for the
prohibition of sales of drinks at public schools"): a place a common noun names there is no party to it, and
those the act binds are not named. A name, or a noun that stands for a state (`country_nouns`: "the special
interests in this country"), stays the target, as the PLOVER gold codes a name ("agreed to set up an energy
research center in Tokyo", "imposed a curfew in Mandalay": the people or the government of the place named;
"investigate the breaches at the DNC"), and so does a pronoun, which names no place ("agreed to take a second
look at it"). Acts of force and of aid, protests, threats and visits keep their places (an attack "at" a camp,
aid "in" a town are the project's targets: `_event_places`); an event noun's own "in"/"at" phrase is
`says_where`'s. `Drafter` asks here after `ArgumentFinder.verb_args`.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._event_places import WHERE_PREPS
from newsgraph.extract.components.events._lexicon import Lexicon

_APPLIED_PREPS = frozenset({*WHERE_PREPS, "within", "across", "inside", "throughout"})
_PLACE_KEEPING_TYPES = frozenset({"ASSAULT", "MOBILIZE", "AID", "PROTEST", "THREATEN", "CONSULT"})


def _applied_phrase(verb: Token, target: Token) -> bool:
    """Whether a target is inside a locative phrase of a verb's object or complement, not the verb's own."""
    tok, applied = target, False
    while tok.i != verb.i and tok.head.i != tok.i:
        applied = applied or (tok.dep_ == "prep" and tok.lower_ in _APPLIED_PREPS and tok.head.i != verb.i)
        tok = tok.head
    return applied and tok.i == verb.i


def applied_to(verb: Token, target: Token | None, type_: str, lex: Lexicon) -> Token | None:
    """Return a verb's target unless it names where the act applies (see the module docstring)."""
    if target is None or type_ in _PLACE_KEEPING_TYPES or not _applied_phrase(verb, target):
        return target
    if target.pos_ in ("PROPN", "PRON") or target.lemma_.lower() in lex.country_nouns:
        # "investigate the breaches at the DNC", "set up a center in Tokyo", "in this country" (a state); a
        # pronoun names no place
        return target
    return None
