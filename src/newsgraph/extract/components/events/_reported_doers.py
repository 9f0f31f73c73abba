"""Reported doers: the one who reports an act stands for its doer only when the report names no other.

A clause a reporting verb reports takes the reporter as its doer when its subject is the reporter again,
as a personal pronoun ("the group said it had killed ten", "“We will fight,” he said") or as the
unspoken subject of a clause that has none of its own. A reported clause whose verb has no subject but
sits in a clause that has one names someone or something else, and the reporter only tells of it:
"analysts said Suga's visit is aimed at boosting cooperation" has Suga, the owner of the visit, boost it,
not the analysts. Then the doer is the actor that subject is, or the actor owning the thing it is
("Suga's visit", "the government's plan": the genitive of an act names who does it), else no one. A
pronoun subject on the way leaves the reporter ("he said it is aimed at …"). A conjoined verb is left to
the parse (`Grammar.agent`): a verb joined to a reported clause is often the speaker's own second act
("the panel said the army attacked villages and accused ISIS").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._actors import ActorFinder
from newsgraph.extract.components.events._arguments import SUBJ_DEPS
from newsgraph.extract.components.events._grammar import Grammar


class ReportedDoers:
    """Tell whether a reporter stands for a reported act's doer (see the module docstring)."""

    def __init__(self, grammar: Grammar, actors: ActorFinder) -> None:
        self.g = grammar
        self.actors = actors

    def doer(self, anchor: Token, subject: Token | None, reporter: Token) -> Token | None:
        """Return who does a reported act whose own subject is a pronoun or none: the reporter's subject,
        unless the reported clause names a subject of its own (its actor, or the actor owning it)."""
        own = self._own_subject(anchor, reporter) if subject is None else None
        if own is None or own.pos_ == "PRON":
            return self.g.agent(reporter)
        if self.actors.is_actor(own):
            return own
        owners = (c for c in self.g.kids(own) if c.dep_ == "poss" and c.pos_ != "PRON")
        return next((c for c in owners if self.actors.is_actor(c)), None)

    def _own_subject(self, anchor: Token, reporter: Token) -> Token | None:
        """The first subject of a verb between the act and the reporting verb; None on reaching a
        conjoined verb."""
        if not reporter.is_ancestor(anchor):
            return None  # "we will fight, he said", parsed with the reporting verb below the act
        cur, steps = anchor, 0
        while cur.i != reporter.i and steps < 8:
            subject = next((c for c in self.g.kids(cur) if c.dep_ in SUBJ_DEPS), None)
            if subject is not None:
                return subject
            if cur.dep_ == "conj":
                return None
            cur, steps = cur.head, steps + 1
        return None
