"""The two sides of a two-sided event: who meets, agrees or cooperates with whom.

`SideFinder.split` turns the actors of a two-sided (reciprocal) event into a source and a target:
conjoined subjects are the two sides unless they did something side by side ("France and Germany
welcomed the decision"); a group named by conjoined names is one side per name ("Israeli and
Palestinian negotiators"); a fight or a meeting whose actors come from its own "between" phrase has one
side per conjunct ("fighting between rebels and army units", of any type); "both sides", "the two leaders"
and a two-sided "they" stand for the two parties of the doc's last two-sided event with named sides;
else a definite description ("the two presidents", "the judge") stands for the parties the article named
before it (`_descriptions`).
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import Actor, ActorFinder
from newsgraph.extract.components.events._apposed_members import group_member
from newsgraph.extract.components.events._co_doers import done_together
from newsgraph.extract.components.events._companions import is_companion
from newsgraph.extract.components.events._descriptions import Descriptions
from newsgraph.extract.components.events._entity_tags import ent_at
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._proper_names import document_name
from newsgraph.extract.components.events._side_by_side import named_partner, two_sided_event
from newsgraph.extract.extensions import entity_by_id
from newsgraph.models import Entity

_PAIR_WORDS = frozenset({"both", "two"})
_PARTY_NOUNS = frozenset(
    {"leader", "president", "minister", "premier", "chancellor", "country", "nation", "government", "state"}
)
"""Plurals that stand for the two parties of the last two-sided event (persons or states: a leader
stands for the state)."""


class Sided(Protocol):
    """What a draft event shows of itself to the side finder."""

    type: str
    tok: Token
    sources: list[Actor]
    targets: list[Actor]


class SideFinder:
    """Split the actors of two-sided events into their sides (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar, actors: ActorFinder) -> None:
        self.lex = lex
        self.g = grammar
        self.actors = actors
        self.descriptions = Descriptions(
            lex, grammar, lambda doc, head: actors.link(doc, head, *actors.phrase(head), {})
        )

    def split(self, doc: Doc, d: Sided, pairs: list[list[Actor]]) -> tuple[list[Actor], list[Actor]]:
        """Return an event's (sources, targets) with its sides split; `pairs` collects the named pairs."""
        reciprocal = d.type in self.lex.reciprocal_types
        sources, targets = d.sources, d.targets
        if not targets and len(sources) > 1 and self._between_sides(doc, d):
            sources, targets = sources[:1], sources[1:]  # "fighting between rebels and government forces"
        if reciprocal and not targets and len(sources) == 1 and not self._joint_deed(d):
            sources, targets = self._modifier_sides(doc, sources[0])
        listed = any(  # "countries, including X", "X, along with Y": one side
            group_member(doc[a.head], self.g) or is_companion(doc[a.head], self.g) for a in sources
        )
        if reciprocal and not targets and len(sources) > 1 and not self._joint_deed(d) and not listed:
            sources, targets = sources[:1], sources[1:]
        first = sources[0] if len(sources) == 1 else None
        if first is not None and pairs and self._stands_for(doc, first, reciprocal, pairs[-1]):
            # "the two sides", "both leaders": the two parties of the last two-sided event
            pair = [Actor(first.head, first.start, first.end, a.text, a.entity) for a in pairs[-1]]
            if reciprocal and not targets and not self._joint_deed(d):
                return pair[:1], pair[1:]
            return pair, targets
        named = self.descriptions.parties(doc, first) if first is not None else None
        if named is not None and len(named) > 1:  # "the two presidents": the two the article just named
            if reciprocal and not targets and not self._joint_deed(d):
                return named[:1], named[1:]
            return named, [t for t in targets if t.entity not in {a.entity for a in named}]
        sources = self.descriptions.expand(doc, sources, targets)
        targets = self.descriptions.expand(doc, targets, sources)
        if reciprocal and sources and targets and all(a.entity for a in sources + targets):
            pairs.append(sources + targets)
        return sources, targets

    def _between_sides(self, doc: Doc, d: Sided) -> bool:
        """Whether an event noun ("fighting", "talks", "a war") has its actors from its own "between" phrase,
        which names its two sides (`Grammar.sides_between`)."""
        phrase = doc[d.sources[0].head].head
        return (
            self.g.sides_between(d.tok)
            and phrase.dep_ == "prep"
            and phrase.lower_ == "between"
            and phrase.head.i == d.tok.i
        )

    def _stands_for(self, doc: Doc, actor: Actor, reciprocal: bool, pair: list[Actor]) -> bool:
        """Whether an actor names no one but the two parties of `pair`: "both sides", a two-sided "they",
        "both leaders", "the two countries" (a plural counted as two, no name of its own, when the pair are
        persons or states)."""
        head = doc[actor.head]
        entity = entity_by_id(doc, actor.entity) if actor.entity is not None else None
        if entity is not None and entity.type != "GROUP":
            return False
        if head.lemma_.lower() == "side":
            return entity is None
        if head.lower_ in ("they", "we"):
            return reciprocal and entity is None
        counted = any(
            c.lower_ in _PAIR_WORDS and c.dep_ in ("det", "nummod", "predet") for c in self.g.kids(head)
        )
        named = any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in self.g.kids(head))
        if not (reciprocal and head.tag_ == "NNS" and counted and not named):
            return False
        kinds = {_kind(entity_by_id(doc, a.entity)) for a in pair if a.entity is not None}
        return head.lemma_.lower() in _PARTY_NOUNS and bool(kinds) and kinds <= {"person", "state"}

    def _modifier_sides(self, doc: Doc, actor: Actor) -> tuple[list[Actor], list[Actor]]:
        """Split "Israeli and Palestinian negotiators", "Cameroon and C.A.R. officials": a group whose name
        modifiers are conjoined is the people of each name, one side each; else the actor as it is."""
        for mod in doc[actor.head].children:
            if mod.dep_ not in ("compound", "nmod", "amod") or not self._side_name(mod):
                continue
            names = [mod] + [c for c in mod.conjuncts if c.i > mod.i and self._side_name(c)]
            if len(names) < 2:
                continue
            sides: list[Actor] = []
            for name in names:
                span = ent_at(doc, name.i) or doc[name.i : name.i + 1]
                sides.append(
                    Actor(name.i, span.start, span.end, span.text, self.actors.name_entity(doc, span))
                )
            return sides[:1], sides[1:]
        return [actor], []

    def _side_name(self, tok: Token) -> bool:
        """Whether a modifier names a side: a country, an organisation, a people or a demonym."""
        return tok.ent_type_ in ("GPE", "ORG", "NORP") or tok.lower_ in self.lex.demonyms

    def _joint_deed(self, d: Sided) -> bool:
        """Whether conjoined subjects did something side by side, not with each other: a verb that is no
        two-sided act, with an object that is no two-sided event ("France and Germany welcomed the
        decision", "the minister and the president toured the affected areas"; "held talks", "reached an
        agreement" or an object-less "spoke" keep them two sides; a named document is no event done
        together: "She and her husband supported the North American Free Trade Agreement"); with no object,
        a partner or complement of the verb's own (`_side_by_side`: "talked with him", "pledged to act"),
        or none when the verb is no act on each other (`_co_doers`: "arrived in Dallas", "voted for it")."""
        if d.tok.pos_ != "VERB":
            return False
        if self.g.lemma(d.tok) in self.lex.reciprocal_lemmas:
            return named_partner(d.tok, self.g, self.lex)  # "he and his wife talked with him"
        objects = [c for c in self.g.kids(d.tok) if c.dep_ == "dobj"]
        if not objects:  # "Clinton and O'Malley pledged to act"; "X and Y arrived in Dallas" (`_co_doers`)
            return named_partner(d.tok, self.g, self.lex) or done_together(d.tok, self.g, self.lex)
        shared = any(
            # not a named document: "supported the North American Free Trade Agreement"
            two_sided_event(o, self.lex) and not document_name(o, self.lex)
            for o in objects
        )
        return not shared


def _kind(entity: Entity | None) -> str:
    """Whether an entity is a person or a country or body ("" for anything else)."""
    if entity is None:
        return ""
    return {"PERSON": "person", "GPE": "state", "ORG": "state"}.get(entity.type, "")
