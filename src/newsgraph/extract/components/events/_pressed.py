"""Whom a conditional threat presses: the subject of its condition, when the threat names no one else.

A threat made on a condition is aimed at the one the condition is about: "X threatened to cut off aid
unless Mexico pays for the wall" presses Mexico, "X will retaliate if they take action against us"
deters them, "X warned that it would kill the hostages if the state did not release the prisoners"
presses the state. The condition is an "if" or "unless" clause of the threatened act (the trigger, its
content clause, or the threat verb whose content the trigger is); its subject, when it is an actor and
not the threat's own doer ("threatened to resign if he loses"), is the threat's target. The subject of a
passive condition is the one the act is done to, not the one pressed to do it ("threatened to quit unless
he is paid": the one pressed is whoever pays), so only its "by" doer counts ("unless they are freed by the
army": the army). A threat that already names its target ("threatened Mexico", "threats of strikes against
Syria if …") keeps it and does not come here, and a condition that holds the trigger itself ("if
nuclear threats escalate") is no condition of that threat.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import Actor, ActorFinder
from newsgraph.extract.components.events._arguments import ArgumentFinder
from newsgraph.extract.components.events._draft_view import DraftView
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.models import Entity

_CONDITION_MARKS = frozenset({"if", "unless"})
"""The conjunctions of a condition."""
_CONTENT_DEPS = ("xcomp", "ccomp")
"""The clauses that hold what a threat threatens ("threatened to impose …", "warned that it would …")."""


class Pressed:
    """Find whom a conditional threat presses (see the module docstring)."""

    def __init__(self, grammar: Grammar, args: ArgumentFinder, actors: ActorFinder) -> None:
        self.g = grammar
        self.args = args
        self.actors = actors

    def targets(self, doc: Doc, d: DraftView, group_cache: dict[str, Entity]) -> list[Actor]:
        """Return a threat's targets: the subject of its condition when it has none, else its own."""
        if d.targets or d.type != "THREATEN":
            return d.targets
        heads = {a.head for a in d.sources}
        keys = {a.entity or a.text.lower() for a in d.sources}
        for subj in self._condition_subjects(d.tok):
            if subj.i in heads or not self.args.is_actorish(subj):
                continue
            found = [
                a
                for a in self.actors.resolve(doc, subj, group_cache)
                if a.head not in heads
                and (a.entity or a.text.lower()) not in keys
                and (a.entity is not None or doc[a.head].pos_ != "PRON")  # "if they …" found no one
            ]
            if found:
                return found
        return d.targets

    def _condition_subjects(self, tok: Token) -> list[Token]:
        """The subjects of the "if"/"unless" clauses of a threatened act, nearest first."""
        acts = [tok] + [c for c in self.g.kids(tok) if c.dep_ in _CONTENT_DEPS]
        if tok.dep_ == "xcomp" and tok.head.i != tok.i:
            acts.append(tok.head)  # "vowed to impose a tariff unless …": the vow's condition
        out: list[Token] = []
        for act in acts:
            for cond in condition_clauses(act, self.g):
                if cond.left_edge.i <= tok.i <= cond.right_edge.i:
                    continue  # "if nuclear threats escalate": the threat is the condition
                out += [s for s in self.g.kids(cond) if s.dep_ == "nsubj"]
                out += [
                    p
                    for a in self.g.kids(cond)
                    if a.dep_ == "agent"
                    for p in self.g.kids(a)
                    if p.dep_ == "pobj"
                ]
        return out


def condition_clauses(verb: Token, g: Grammar) -> Iterator[Token]:
    """Yield the "if" and "unless" clauses hung on a verb ("… unless Mexico pays for the wall")."""
    for cond in g.kids(verb):
        if cond.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in g.kids(cond)
        ):
            yield cond
