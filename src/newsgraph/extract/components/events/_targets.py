"""Targets of events: who an event is aimed at when its object is a thing, not an actor.

`TargetFinder.targets` resolves a trigger's object into the event's targets. A thing stands for the
actor it belongs to when the event reacts to it or limits it ("welcomed the U.S. proposal": the U.S.;
"banned her book": her), a weapon bought, sold or promised is no party to a deal ("will buy Russian
aircraft": Russia), and what an assault hit is its target even as a thing ("ambushed a bus"); a dead person's
remains are such a thing, not the person ("looted Trump's body").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import ACTOR_LABELS, Actor, ActorFinder
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._remains import remains
from newsgraph.models import Entity

HIT_TYPES = frozenset({"ASSAULT", "COERCE"})
"""The types whose target can be a thing: what an assault hit or a seizure took ("ambushed a bus")."""
_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "PROTEST"})  # a weapon can be aimed at


class TargetFinder:
    """Turn an object head into an event's targets (see the module docstring)."""

    def __init__(self, lex: Lexicon, actors: ActorFinder) -> None:
        self.lex = lex
        self.actors = actors

    def targets(
        self, doc: Doc, head: Token | None, type_: str, mode: str | None, group_cache: dict[str, Entity]
    ) -> list[Actor]:
        """Return the targets of an event of `type_` (and `mode`) whose object head is `head`."""
        if head is None:
            return []
        # what is left of a dead person is no stand-in for the person ("looted Trump's body", `_remains.py`)
        found = [] if remains(head, self.lex) else self.actors.resolve(doc, head, group_cache)
        if type_ not in _CONFLICT_TYPES:
            kept = [a for a in found if not _weapon(doc[a.head], self.lex)]
            if len(kept) < len(found):  # "will buy Russian aircraft": the seller, not the aircraft
                owner = self.named_owner(head)
                return kept or (self.actors.resolve(doc, owner, group_cache) if owner is not None else [])
        if found:
            return found
        limits = type_ == "COERCE" and mode in self.lex.limit_modes
        if type_ in self.lex.owner_types or limits:
            owner = self.named_owner(head)
            if owner is not None:  # "the U.S. proposal": the U.S.; "banned her book": her
                return self.actors.resolve(doc, owner, group_cache)
        if type_ in HIT_TYPES and not limits:
            return self.actors.thing(doc, head)  # "ambushed a bus", "attacked ten villages"
        return []  # "banned trade", "imposed restrictions": what is limited is no target

    def named_owner(self, thing: Token) -> Token | None:
        """Return the actor a thing belongs to ("the U.S. proposal", "Kenya's request", "her book"): its
        possessor (a name or a pronoun) or name modifier that is an entity, a proper noun or a demonym."""
        if thing.pos_ != "NOUN" or thing.lemma_.lower() in self.lex.hazard_nouns:
            return None  # "the US obesity epidemic" is no deed of the US
        for c in thing.children:
            if c.dep_ in ("poss", "compound", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ACTOR_LABELS):
                return c
            if c.dep_ == "poss" and c.pos_ == "PRON":
                return c  # its antecedent, when that is an actor
            if c.dep_ == "amod" and c.lower_ in self.lex.demonyms:
                return c
        return None


def _weapon(tok: Token, lex: Lexicon) -> bool:
    """Whether a word is a common noun of a weapon or military craft ("aircraft", not "Unified Aircraft")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.weapon_nouns
