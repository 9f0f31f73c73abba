"""The side an event noun's content phrase aims at (`ArgumentFinder.noun_args` asks here when the noun's own
phrases name no target).

An event noun often names what it threatens, alleges or seeks in an "of" or "for" phrase, and the one it
is aimed at comes "against X" after that content, attached by the parse to the content noun: "threats of
airstrikes against Syria", "allegations of adultery against Grayson", "accusations of sexism against her
father", "filed a complaint for declaratory relief against the DOJ". The "against" phrase names the target
of the event, not of its content (airstrikes, adultery and relief are no events of their own here). Only
"against" is read, and only for a type that takes its target "against X" (`target_preps`): a content's
"with", "for" or "to" phrase says something of the content ("allegations of collusion with Russia").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar

_CONTENT_PREPS = ("of", "for")
"""Prepositions whose object is an event noun's content ("threats of airstrikes", "a plea for relief")."""


def content_aim(
    noun: Token, preps: tuple[str, ...], g: Grammar, is_actor: Callable[[Token], bool], exclude: set[int]
) -> Token | None:
    """Return the actor of the "against" phrase of an event noun's content phrase ("threats of airstrikes
    against Syria": Syria), if its type takes a target "against X" (`preps`) and the phrase names an actor."""
    if "against" not in preps:
        return None
    for _, content in g.prep_objects(noun, _CONTENT_PREPS):
        for _, aimed in g.prep_objects(content, ("against",)):
            if aimed.i not in exclude and is_actor(aimed):
                return aimed
    return None
