"""A politician's rally is a campaign event, no demonstration.

A rally held by, or named after, one person ("Sanders held a rally in Springfield", "a Trump rally in
Alabama", "Mrs. Clinton's rally at a union hall") is that person's campaign meeting: supporters come
to hear a candidate, nobody protests against anyone. A demonstration is held by a crowd or a group
("protesters rallied", "workers held a rally"), so a rally whose every holder is a person's entity is
no PROTEST, unless the sentence names what it is against (`protest_cues`: "a rally against the
war", "an anti-war rally"). A holder is named inside the rally's phrase (its owner or modifier) or is
the subject of a verb of holding (`rally_holding_verbs`: "held", "staged"); one who attends or joins a
rally ("Jane Doe attended the rally") tells nothing of whose rally it is.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._drafting import Draft
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_by_id

_RALLY = "rally"


def persons_rally(d: Draft, g: Grammar, lex: Lexicon) -> bool:
    """Whether a PROTEST draft is a rally (the trigger noun, or the object of its light verb) whose
    holders are all people by their entities."""
    tok = d.tok
    rally = _rally(tok, g)
    if rally is None or not d.sources:
        return False
    holding = rally is not tok and g.lemma(tok) in lex.rally_holding_verbs
    doc = tok.doc
    for actor in d.sources:
        entity = entity_by_id(doc, actor.entity)
        if entity is None or entity.type != "PERSON":
            return False
        inside = rally.left_edge.i <= actor.head <= rally.right_edge.i
        if not inside and not holding:
            return False  # "Jane Doe attended the rally": an attendee, not the holder
    return True


def _rally(tok: Token, g: Grammar) -> Token | None:
    """The noun "rally" a trigger is, or its verb's object ("held a rally"), else None."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok if _is_rally(tok) else None
    return next((c for c in g.kids(tok) if c.dep_ == "dobj" and _is_rally(c)), None)


def _is_rally(tok: Token) -> bool:
    return tok.lemma_.lower() == _RALLY or tok.lower_ == "rallies"
