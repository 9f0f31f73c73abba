"""The people a deportation moves are its target, not the place they are sent to.

In English the object of "deport", "expel" or "evict" (a person) is who is moved, and a "to" phrase is
where: "deported 173 mostly women and children to Turkey" is done to the women and children, not to
Turkey (CAMEO 174, "expel or deport individuals"). When the parse gives such a verb no actor as its object
(it splits "173 mostly women" into two objects, the number first; a passive's subject is a partitive of a
relative pronoun, "detainees, many of whom were deported to Honduras"), `ArgumentFinder.verb_args` falls
back to the place of the verb's "to" phrase. For a deportation sense (mode "deport") that destination is
no target: the target is the moved people the clause names (an object or passive subject that is an actor
or a people noun, the noun of its "of" phrase, or what a relative pronoun stands for), else none.
`Drafter` asks here after `ArgumentFinder.verb_args`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsgraph.extract.components.events._people_nouns import people_noun

if TYPE_CHECKING:
    from newsgraph.extract.components.events._arguments import ArgumentFinder

_MOVED_DEPS = frozenset({"dobj", "obj", "nsubjpass"})
_DESTINATION_PREPS = frozenset({"to", "into"})
_RELATIVE_PRONOUNS = frozenset({"whom", "who", "which", "that"})
_DEPORT_MODE = "deport"


def _destination(verb: Token, target: Token) -> bool:
    """Whether a target is (a conjunct of) the object of the verb's own "to" or "into" phrase."""
    head = target
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ in _DESTINATION_PREPS and prep.head.i == verb.i


def _person(tok: Token, args: ArgumentFinder) -> bool:
    return args.is_actorish(tok) or people_noun(tok, args.lex)


def _moved(verb: Token, args: ArgumentFinder) -> Token | None:
    """The people a deportation verb's object or passive subject names, if any."""
    for obj in (c for c in args.g.kids(verb) if c.dep_ in _MOVED_DEPS):
        if _person(obj, args):
            return obj  # "173 mostly women and children": the parse's second object
        for _, inner in args.g.prep_objects(obj, ("of",)):
            if inner.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                inner = verb.head  # "detainees, many of whom were deported": the detainees
            if _person(inner, args):
                return inner  # "dozens of migrants", "many of the detainees"
    return None


def moved_people(verb: Token, mode: str | None, target: Token | None, args: ArgumentFinder) -> Token | None:
    """Return a deportation's target: the moved people in place of a "to"-destination (module docstring)."""
    if mode != _DEPORT_MODE or target is None or not _destination(verb, target):
        return target
    return _moved(verb, args)
