"""Mobilization moves force: a MOBILIZE event needs an armed party or an armed word for what it moves.

PLOVER's MOBILIZE is the mobilization of armed forces, police or their alert. Its bare verbs and nouns
("deploy", "mobilization") and the CAMEO dictionary's patterns ("increase" + a security word) also read
the deployment of experts, the "mobilization of 12 million doses" or "increase foreign exchange
reserves". `moves_force` keeps a mobilization when a party is armed (`ARMED_SECTORS`, a weapon), when
what is moved is armed or a protest ("mobilize protests"), or when a frame of the lexicon named the
force ("sent troops", "held exercises"); a hazard qualifying what is moved makes it no force ("raised
the pandemic alert level").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._actor_types import ARMED_SECTORS, sector_of
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon


def moved(tok: Token, noun: bool, g: Grammar) -> list[Token]:
    """Return the words of what a mobilization moves: its object ("deployed troops") or its of-phrase
    ("mobilization of reservists"), with the words that qualify it ("the pandemic alert level")."""
    thing = None
    if noun:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        thing = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
    else:
        thing = g.patient(tok)
    if thing is None:
        return []
    return [t for t in thing.subtree if t.i <= thing.i]


def armed(tok: Token, lex: Lexicon) -> bool:
    """Whether a word names a force: an armed sector's actor ("troops", "police") or a weapon."""
    return tok.lemma_.lower() in lex.weapon_nouns or sector_of(tok, lex) in ARMED_SECTORS


def moves_force(words: list[Token], parties: list[Token], framed: bool, lex: Lexicon) -> bool:
    """Whether a mobilization moves force (see the module docstring); `words` are what it moves, `parties`
    the heads of its sources and targets, `framed` whether a lexicon frame on its object coded it."""
    if any(w.lemma_.lower() in lex.hazard_nouns for w in words):
        return False  # "raised the pandemic alert level", "deployed flood defences"
    if framed:
        return True
    return any(armed(t, lex) or _protest(t, lex) for t in [*words, *parties])


def _protest(tok: Token, lex: Lexicon) -> bool:
    """Whether a word names a protest ("mobilize protests"): an event noun of type PROTEST."""
    sense = lex.nouns.get(tok.lemma_.lower())
    return sense is not None and sense.type == "PROTEST"
