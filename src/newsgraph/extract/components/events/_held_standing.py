"""A standing held is no ground taken: "occupied a third tier", "gaining ground with voters".

An occupation (CAMEO 192, PLOVER ASSAULT, mode occupy) takes ground someone holds: a place, a territory,
a building, or control of one. English uses the same verbs for a place in an order or a contest:
"Axelrod occupied a role", "Rubio and Bush occupied a third tier", "Warren, Biden and Obama have occupied
the spotlight", "the Chinese Texans occupied a gray area under Jim Crow law", "Sanders is gaining ground
with Democrat voters". Such a taking of a standing (`standing_nouns`) or of figurative ground
(`figurative_ground`) by a taker who bears no arms, with no place named in a phrase beside it, is no
event. An armed taker keeps the literal reading ("rebels gained ground"), and so does a phrase that names
ground ("had gained ground inside the north-western part of Takoradi").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._actor_types import ARMED_SECTORS, sector_of
from newsgraph.extract.components.events._event_places import ground
from newsgraph.extract.components.events._lexicon import Lexicon


def holds_standing(verb: Token, obj: Token, sources: list[int], lex: Lexicon) -> bool:
    """Whether taking `obj` (the object of an occupy-mode verb) is holding a standing, not taking ground: the
    object is a standing noun or figurative ground, no source nor subject is armed, and no phrase of the
    verb or the object names ground anywhere in it."""
    lemma = obj.lemma_.lower()
    mods = [c.lemma_.lower() for c in obj.children if c.dep_ in ("amod", "compound") and c.i < obj.i]
    phrase = " ".join([*mods[-1:], lemma])
    if (
        lemma not in lex.standing_nouns
        and lemma not in lex.figurative_ground
        and phrase not in lex.figurative_ground
    ):
        return False
    takers = [verb.doc[i] for i in sources] + [c for c in verb.children if c.dep_ == "nsubj"]
    if any(sector_of(t, lex) in ARMED_SECTORS for t in takers):
        return False  # "rebel militants from the Islamic State had gained ground": the subject is armed
    return not any(ground(p, lex) for p in _prep_objects(verb) + _prep_objects(obj))


def _prep_objects(tok: Token) -> list[Token]:
    """The words of a word's prepositional phrases ("inside the north-western part of Takoradi", "from its
    rival in the eastern Afghan province of Kunar")."""
    return [t for prep in tok.children if prep.dep_ == "prep" for t in prep.subtree if t is not prep]
