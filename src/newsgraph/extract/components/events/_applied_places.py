"""Where an act applies, as against whom it is done to: a place phrase of the act's object is no side.

A locative phrase ("in", "at", "within", "across", "inside", "throughout") of a verb's object or complement,
or of what an event noun's phrase names, says where the act applies ("bans fishing in the northern part of the
disputed sea", "voted for the prohibition of sales of drinks at public schools", "a ban on fishing in the
north of the lake"): a place a common noun names there is no party to it, and those the act binds are not
named. A name stays the target, as the PLOVER gold codes it ("agreed to set up an energy research center in
Tokyo", "imposed a curfew in Mandalay": the people or the government of the place named; "investigate the
breaches at the DNC"), and so does a pronoun, which names no place ("agreed to take a second look at it").
Acts of force and of aid, protests, threats and visits keep their places (an attack "at" a camp, aid "in" a
town are the project's targets: `_event_places`), and so does an event noun's own "in"/"at" phrase
(`says_where` decides it). `Drafter` asks here of a verb's target and of an event noun's.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._event_places import WHERE_PREPS

_APPLIED_PREPS = frozenset({*WHERE_PREPS, "within", "across", "inside", "throughout"})
_PLACE_KEEPING_TYPES = frozenset({"ASSAULT", "MOBILIZE", "AID", "PROTEST", "THREATEN", "CONSULT"})


def _applied_phrase(word: Token, target: Token) -> bool:
    """Whether a target is inside a locative phrase of a trigger's object or complement, not its own."""
    tok, applied = target, False
    while tok.i != word.i and tok.head.i != tok.i:
        applied = applied or (tok.dep_ == "prep" and tok.lower_ in _APPLIED_PREPS and tok.head.i != word.i)
        tok = tok.head
    return applied and tok.i == word.i


def applied_to(word: Token, target: Token | None, type_: str) -> Token | None:
    """Return a trigger's target unless it names where the act applies (see the module docstring)."""
    if target is None or type_ in _PLACE_KEEPING_TYPES or not _applied_phrase(word, target):
        return target
    if target.pos_ in ("PROPN", "PRON"):
        # "investigate the breaches at the DNC", "set up a center in Tokyo"; a pronoun names no place
        return target
    return None
