"""Who a demand or a threat is about when it names no one asked: the one the act it asks for is done on.

A demand, a call or a threat is very often for an act on someone, named by a noun of that act with an owner
or an "of" phrase: "demanded reforms and Bashir's ouster", "called for the release of the journalists",
"urged the resignation of the minister", "asked for the return of 45 nationals", "sought the impeachment of
X". When the demand names no addressee, the person or body the act is on is what the demand is about, and
its target. The act noun is the trigger's object or the object of its "for" or "on" phrase ("insisted on the
release of X"), or a noun joined to either ("reforms and Bashir's ouster"). A demand that already has a target
(its addressee: "urged Egypt to release X") keeps it and does not come here. The word list is
`lexicons/acted_on_nouns.json`.

English asks for the same act with a clause as well as with a noun: a mandative clause in the passive,
"demanded that his party be eliminated", "requested that President X be impeached", "called for Clinton to
be prosecuted" (where the parse makes it a clause). Its subject is the one the act is done on, as the noun's
owner is in "Clinton's prosecution", and it is the demand's target on the same terms. A clause with a
subject that is to act ("demanded that the governor resign") or a "by" doer ("be freed by the army") names
the one asked, who is already the target (`Grammar.asked_doer`), so it does not come here.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import Actor, ActorFinder
from newsgraph.extract.components.events._arguments import ArgumentFinder
from newsgraph.extract.components.events._draft_view import DraftView
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.lexicons import load_json
from newsgraph.models import Entity

_DEMAND_TYPES = frozenset({"REQUEST", "THREATEN"})
"""A demand, a call, an appeal, and a threat."""
_ACT_PREPS = ("for", "on")
"""The phrases of a demand that name the act asked for ("called for", "insisted on")."""


@cache
def _nouns() -> frozenset[str]:
    """The act nouns of `acted_on_nouns.json`."""
    return frozenset(load_json("acted_on_nouns.json")["acted_on_nouns"])


class ActedOn:
    """Find the one the act a demand asks for is done on (see the module docstring)."""

    def __init__(self, grammar: Grammar, args: ArgumentFinder, actors: ActorFinder) -> None:
        self.g = grammar
        self.args = args
        self.actors = actors
        self.nouns = _nouns()

    def targets(self, doc: Doc, d: DraftView, group_cache: dict[str, Entity]) -> list[Actor]:
        """Return a demand's targets: the one its asked act is on when it has no target, else its own."""
        if d.targets or d.type not in _DEMAND_TYPES:
            return d.targets
        heads = {a.head for a in d.sources}
        keys = {a.entity or a.text.lower() for a in d.sources}
        ons = [self._acted_on(act) for act in self._acts(d.tok)] + self._clause_patients(d.tok)
        for on in ons:
            if on is None or on.i in heads:
                continue
            found = [
                a
                for a in self.actors.resolve(doc, on, group_cache)
                if a.head not in heads and (a.entity or a.text.lower()) not in keys
            ]
            if found:
                return found
        return d.targets

    def _acts(self, tok: Token) -> list[Token]:
        """The act nouns a demand asks for: its object, its "for" or "on" object, and nouns joined to them."""
        found = [c for c in self.g.kids(tok) if c.dep_ in ("dobj", "obj")]
        found += [pobj for _prep, pobj in self.g.prep_objects(tok, _ACT_PREPS)]
        found += [c for t in found for c in self.g.kids(t) if c.dep_ == "conj"]
        return [t for t in found if t.lemma_.lower() in self.nouns]

    def _clause_patients(self, tok: Token) -> list[Token]:
        """The named subjects of a demand's mandative passive clauses (`Grammar.asked_clause`), whose verb
        is "be" ("demanded that X be removed", "should be tried"); not an indicative ("Jokes are told,
        interviews are requested"), nor a bare to-infinitive ("asked to be freed")."""
        clauses = [c for c in self.g.kids(tok) if self.g.asked_clause(c) and self._mandative_passive(c)]
        return [
            s
            for c in clauses
            for s in self.g.kids(c)
            if s.dep_ == "nsubjpass" and s.pos_ != "PRON" and self.args.is_actorish(s)
        ]

    def _mandative_passive(self, clause: Token) -> bool:
        """Whether a clause is a passive with a bare "be": "that X be removed", "X should be tried"."""
        return any(c.dep_ == "auxpass" and c.lower_ == "be" for c in self.g.kids(clause))

    def _acted_on(self, act: Token) -> Token | None:
        """The one an act noun is done on: its owner ("Bashir's ouster"), else its "of" phrase's object."""
        for c in self.g.kids(act):
            if c.dep_ == "poss" and c.pos_ != "PRON" and self.args.is_actorish(c):
                return c
        for _prep, pobj in self.g.prep_objects(act, ("of",)):
            if self.args.is_actorish(pobj):
                return pobj
        return None
