"""A reaction to an act is aimed at the act's doer, never at its victim.

When a party condemns, criticizes, opposes, protests, welcomes or praises an act that a noun names ("condemned
Mhlanga's arrest", "condemns any violence against civilians", "opposed discrimination against Muslims",
"welcomed the sanctions against Iran"), the one the act was done to is its victim: the reaction is aimed at
who did the act, not at them. The victim of a harm noun of the lexicon (an assault, a coercion, a sanction or
a threat) is what `ArgumentFinder.noun_args` reads as the noun's target: its "of" phrase or, with none, its
possessor for a noun of `noun_target_of` ("the killing of X", "Mhlanga's arrest"), its "against" or "on"
phrase ("the attack on X"). The victim of any other noun is the actor its "against" phrase is aimed at
("violence against civilians", "a lawsuit against the state"); its "on" phrase is as often what it is about
("a statement on Israel", "a vote on the treaty"). A target that is such a victim is dropped; the act's doer
takes its place when the noun's own phrase names one ("the arrest of X by the police", "Russia's aggression
against Ukraine"), else the reaction keeps no target.

Only a verb's object (or passive subject, or "against"/"over" object) is read, and not:
- a demand, which is about the one the act asked for is done on (`_acted_on.py`), nor a threat;
- a noun that is part of the trigger: a frame's object ("denied the accusations against X", "opened a case
  against X") or a light verb's noun ("launched attacks against X"), whose "against" phrase is the target;
- a verb whose own "on" phrase names the one blamed ("blamed the attacks on militants", `blaming_verbs` of
  `event_rules.json`), a phrase the parse often hangs on the object.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import Actor, ActorFinder
from newsgraph.extract.components.events._arguments import ArgumentFinder
from newsgraph.extract.components.events._candidates import Candidate
from newsgraph.extract.components.events._draft_view import DraftView
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.lexicons import load_json
from newsgraph.models import Entity

REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST"})
"""A condemnation or a criticism, an opposition or a rejection, a welcome or a praise, a protest."""
_HARM_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
"""The types of the event nouns whose target is the one the act harms."""
_ACT_DEPS = frozenset({"dobj", "obj", "nsubjpass"})
_ACT_PREPS = ("against", "over")
"""The phrases of a reaction verb that name the act reacted to ("protested against the arrest of X")."""


@cache
def _blaming_verbs() -> frozenset[str]:
    """The verbs whose "on" phrase names the one blamed (`event_rules.json`)."""
    return frozenset(load_json("event_rules.json")["blaming_verbs"])


class ReactedActs:
    """Drop the victim of the act a reaction is aimed at from its targets (see the module docstring)."""

    def __init__(self, grammar: Grammar, args: ArgumentFinder, actors: ActorFinder) -> None:
        self.g = grammar
        self.args = args
        self.actors = actors

    def targets(self, doc: Doc, d: DraftView, cand: Candidate, group_cache: dict[str, Entity]) -> list[Actor]:
        """Return a reaction's targets without the victims of the act it reacts to, or the act's doer."""
        if d.type not in REACTION_TYPES or not d.targets or cand.noun or cand.light is not None:
            return d.targets
        if cand.frame is not None and cand.frame.obj:
            return d.targets  # "denied the accusations against X": the noun is the act itself
        sources = {a.head for a in d.sources}
        for act in self._acts(d.tok):
            victims, doer = self._victims(act, sources)
            named = {a.entity for i in victims for a in self._victim(doc, doc[i], group_cache) if a.entity}
            kept = [
                a for a in d.targets if a.head not in victims and (a.entity is None or a.entity not in named)
            ]
            if len(kept) < len(d.targets):
                if kept or doer is None:
                    return kept
                return [a for a in self.actors.resolve(doc, doer, group_cache) if a.head not in sources]
        return d.targets

    def _victim(self, doc: Doc, tok: Token, group_cache: dict[str, Entity]) -> list[Actor]:
        """The actors a pronoun among the victim's words stands for ("condemned his arrest"), else none."""
        return self.actors.resolve(doc, tok, group_cache) if tok.pos_ == "PRON" else []

    def _acts(self, tok: Token) -> list[Token]:
        """The common nouns a reaction verb reacts to: its object, its passive subject, its "against" or
        "over" object, and the nouns joined to them."""
        found = [c for c in self.g.kids(tok) if c.dep_ in _ACT_DEPS]
        found += [pobj for _prep, pobj in self.g.prep_objects(tok, _ACT_PREPS)]
        found += [c for t in found for c in self.g.kids(t) if c.dep_ == "conj"]
        return [t for t in found if t.pos_ == "NOUN" and not self.args.is_actorish(t)]

    def _victims(self, act: Token, sources: set[int]) -> tuple[set[int], Token | None]:
        """The tokens of the phrases naming who an act noun was done to, and the act's doer, if named."""
        heads: list[Token] = []
        doer: Token | None = None
        sense = self.args.lex.nouns.get(self.g.noun_lemma(act))
        if sense is not None and sense.type in _HARM_TYPES:
            doer, victim, _fallback = self.args.noun_args(act, sense.type, None)
            heads += [victim] if victim is not None else []
        else:  # "violence against civilians" ("a statement on Israel" says what it is about)
            heads += [
                pobj for _prep, pobj in self.g.prep_objects(act, ("against",)) if self.args.is_actorish(pobj)
            ]
        if self.g.lemma(act.head) in _blaming_verbs():  # "blamed the attacks on militants": the one blamed
            heads = [h for h in heads if not (h.head.dep_ == "prep" and h.head.lower_ in ("on", "upon"))]
        victims = {t.i for h in heads for t in h.subtree}
        doer = doer or self._doer(act)
        if doer is not None and (doer.i in victims or doer.i in sources or not self.args.is_actorish(doer)):
            doer = None  # "Mhlanga's arrest": the possessor is the one arrested
        return victims, doer

    def _doer(self, act: Token) -> Token | None:
        """Who did an act a noun names, by its own phrase: its "by" phrase, else its possessor (not a
        pronoun, as often the reacting party's own)."""
        by = next((pobj for _prep, pobj in self.g.prep_objects(act, ("by",))), None)
        if by is not None:
            return by
        return next((c for c in self.g.kids(act) if c.dep_ == "poss" and c.pos_ != "PRON"), None)
