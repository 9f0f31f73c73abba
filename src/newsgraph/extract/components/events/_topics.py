"""The partner of a consultation, as against what it is about: a name in the topic is no party to it.

A consultation's partner is its object when that is an actor ("met Kim", "debated his rival") or its "with",
"to" or "between" phrase ("discussed the plan with Japan", "talked to reporters"). What the talk is about is
no party: the object, the complement and the "about"/"on" phrase of a verb of talking about something
(`topic_verbs`: "discussed imposing further costs on Russia", "debated sanctions against Iran"; CAMEO's own
DISCUSS patterns read the object as the topic, "DISCUSS * SITUATION", "DISCUSS * AID"), and a meeting's clause
of purpose with such a verb ("met on Monday to discuss Russia's invasion of Ukraine"); another clause of
purpose may say where one goes ("sent a delegation to attend the inauguration of X"). A name inside the topic
gives way to the partner the verb's own phrases name, or to none. `Drafter` asks here after
`ArgumentFinder.verb_args`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from newsgraph.extract.components.events._arguments import ArgumentFinder

_CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl"})


def _inside(tok: Token, head: Token) -> bool:
    """Whether a word is in a phrase's subtree."""
    return head.left_edge.i <= tok.i <= head.right_edge.i


def consulted(verb: Token, source: Token | None, target: Token | None, args: ArgumentFinder) -> Token | None:
    """Return a consultation verb's target: the one found unless it is inside what the talk is about, else the
    partner the verb's own phrases name, if any."""
    if target is None:
        return None
    g = args.g
    patient = g.patient(verb)
    if patient is not None and target.i == patient.i and args.is_actorish(patient):
        return target  # "debated his rival", "consulted the allies"
    about = g.lemma(verb) in args.lex.topic_verbs
    talks = [
        c
        for c in g.kids(verb)
        if c.dep_ in _CLAUSE_DEPS and c.i > verb.i and g.lemma(c) in args.lex.topic_verbs
    ]
    if not about and not any(_inside(target, c) for c in talks):
        return target  # "sent a delegation to attend the inauguration of X": where it goes
    exclude = {source.i} if source is not None else set()
    found = args.prep_target(verb, "CONSULT", exclude)
    if found is None and patient is not None and about:
        found = args.partner(patient, exclude)  # "discussed a ceasefire with Hamas"
    return found
