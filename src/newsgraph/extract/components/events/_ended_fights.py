"""Who an appeal to end a fight is aimed at: the sides the sentence names for the fight.

An appeal whose object is the end of a fight ("urged an end to the war between X and Y", "called for a halt
to Ethiopia's war with Eritrea", "pressed for a settlement of the Sudan-Chad dispute", "called for a
ceasefire between X and Y"), or a go-between's work on one ("mediated an end to the fighting between X and
Y"), names no one asked; the ones who would end the fight are its sides, and they are its target. A fight
names its sides by a "between" phrase, its own or one of its phrases' ("a tariff fight over spirits between
the U.S. and Europe"), by an owner and a "with" phrase ("X's war with Y"), or by a pair of names joined by a
hyphen ("the Russia-Ukraine war"). A fight only placed ("the war in Yemen") or not named ("an end to the
violence") names no side, and the appeal keeps no target; an appeal that names its addressee ("urged Russia
to end the war") keeps it and does not come here. The word lists are `lexicons/ended_fights.json`.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import Actor, ActorFinder
from newsgraph.extract.components.events._arguments import ArgumentFinder
from newsgraph.extract.components.events._draft_view import DraftView
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._proper_names import hyphen_pair
from newsgraph.extract.lexicons import load_json
from newsgraph.models import Entity

_APPEAL_TYPES = frozenset({"REQUEST", "CONSULT"})
"""An appeal, and a go-between's or a negotiator's work (CONSULT, its mode `mediate` among them)."""
_ENDING_PREPS = ("to", "of", "in")
"""The phrases of a settlement noun that name the fight it ends ("an end to", "a resolution of", "a halt
in")."""


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """The settlement nouns and the fight nouns of `ended_fights.json`."""
    data = load_json("ended_fights.json")
    return frozenset(data["settlement_nouns"]), frozenset(data["fight_nouns"])


class EndedFights:
    """Find the sides of a fight an appeal asks to end (see the module docstring)."""

    def __init__(self, grammar: Grammar, args: ArgumentFinder, actors: ActorFinder) -> None:
        self.g = grammar
        self.args = args
        self.actors = actors
        self.settlements, self.fights = _words()

    def targets(self, doc: Doc, d: DraftView, group_cache: dict[str, Entity]) -> list[Actor]:
        """Return an appeal's or a mediation's targets: the sides of the fight it asks to end, but its own
        doers, when it has no target or only one taken from inside the ended fight ("urged an end to Ghana's
        war with Togo": Ghana, Togo); else its targets as they are."""
        if d.type not in _APPEAL_TYPES or d.tok.pos_ not in ("VERB", "AUX"):
            return d.targets
        if d.type == "CONSULT" and len(d.sources) > 1:
            return d.targets  # "X and Y discussed an end to the war": the two meet, no go-between
        keys = {a.entity or a.text.lower() for a in d.sources}
        heads = {a.head for a in d.sources}
        for ending in self._endings(d.tok):
            fights = self._fights(d.tok, ending)
            inside = {t.i for w in (ending, *fights) for t in w.subtree}
            if any(a.head not in inside for a in d.targets):
                continue  # "urged Russia to end the war": the one asked
            found = [
                a
                for head in self._sides(ending, fights)
                for a in self.actors.resolve(doc, head, group_cache)
                if a.head not in heads and (a.entity or a.text.lower()) not in keys
            ]
            if found:
                return found
        return d.targets

    def asked_to_end(self, fight: Token, types: dict[int, str]) -> bool:
        """Whether a fight noun is the fight an appeal or a mediation asks to end ("urged an end to the war
        in Mali"): then the appeal's doer is no side of it. `types` gives the doc's verb triggers' types."""
        if fight.lemma_.lower() not in self.fights and fight.lower_ not in self.fights:
            return False
        prep = fight.head
        if fight.dep_ != "pobj" or prep.lower_ not in _ENDING_PREPS:
            return False
        verbs = [prep.head]  # "urged the end to a fight", "to" hung on the verb
        if prep.head.lemma_.lower() in self.settlements:
            ending = prep.head
            verbs = [
                ending.head.head if ending.dep_ == "pobj" and ending.head.lower_ == "for" else ending.head
            ]
        return any(
            types.get(v.i) in _APPEAL_TYPES and fight in self._fights(v, e)
            for v in verbs
            for e in self._endings(v)
        )

    def _endings(self, verb: Token) -> list[Token]:
        """The settlement nouns of a verb: its object ("urged an end") or the object of its "for" phrase
        ("called for a halt")."""
        found = [c for c in self.g.kids(verb) if c.dep_ == "dobj"]
        found += [pobj for _prep, pobj in self.g.prep_objects(verb, ("for",))]
        return [t for t in found if t.lemma_.lower() in self.settlements]

    def _sides(self, ending: Token, fights: list[Token]) -> list[Token]:
        """The heads that name the sides of the fight a settlement noun ends: the noun's own "between" phrase
        ("a ceasefire between X and Y"), else the sides of the fight of its phrase ("an end to the war …")."""
        own = self.args.between(ending)
        if own is not None:
            return [own]
        for fight in fights:
            sides = self._named_sides(fight)
            if sides:
                return sides
        return []

    def _fights(self, verb: Token, ending: Token) -> list[Token]:
        """The fight nouns of a settlement noun's to/of/in phrase; the parse may hang "to" on the verb
        ("urged the end to a tariff fight": "to" right after the noun's phrase)."""
        found = [pobj for _prep, pobj in self.g.prep_objects(ending, _ENDING_PREPS)]
        found += [
            pobj for prep, pobj in self.g.prep_objects(verb, ("to",)) if prep.i == ending.right_edge.i + 1
        ]
        return [t for t in found if t.lemma_.lower() in self.fights or t.lower_ in self.fights]

    def _named_sides(self, fight: Token) -> list[Token]:
        """The heads of the sides a fight noun names: a "between" phrase, a hyphened pair of names, or an
        owner and a "with" phrase (either alone names one side)."""
        for noun in [fight] + [pobj for _p, pobj in self.g.prep_objects(fight, ("over", "on"))]:
            between = self.args.between(noun)  # "a tariff fight over spirits between X and Y"
            if between is not None:
                return [between]
        for mod in self.g.kids(fight):
            first = hyphen_pair(mod) if mod.dep_ in ("compound", "nmod", "amod") else None
            if first is not None:
                return [first, mod]  # "the Russia-Ukraine war"
        owner = next((c for c in self.g.kids(fight) if c.dep_ == "poss" and self.args.is_actorish(c)), None)
        other = next(
            (pobj for _p, pobj in self.g.prep_objects(fight, ("with",)) if self.args.is_actorish(pobj)), None
        )
        return [t for t in (owner, other) if t is not None]
