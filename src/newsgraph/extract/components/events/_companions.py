"""Companions of an argument: "X, along with Y, called …" — Y is a side of the same role as X.

In English a noun phrase modified by "along with", "together with", "alongside" or "joined by" and an
actor acts together with that actor: the verb agrees with the first, but both are doers ("Kaufman, along
with Senator Warner, called on Congress …"), and the same holds for objects ("jailed him along with
other opposition leaders"). "as well as" the parser reads as a coordinator, so its sides are already
`_lists.conjuncts`; "with" alone is left alone ("met with X", "clashed with police").

The parser hangs the phrase on the noun ("Kaufman, along with …") or on the verb ("jailed him along with
…"); on the verb "along with" goes with the verb's object when it comes right after the object's phrase
("alongside" and "together with" there go with the doer: "fought ISIS alongside the Kurds"; after a clause
it goes with some other word), with a passive subject when the verb has no object ("were injured along with
two bystanders"), and with an active subject only when it comes before the verb ("Along with the Russians,
the U.S. has stepped up airstrikes"): after the verb of an active subject it is as often a manner ("get
along with Congress"). Only an actor has companions, and only actors are ("seized weapons along with cash"
adds no side).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lists import conjuncts, opens_examples

_SLOT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_WORDS = frozenset({"along", "alongside", "with", "joined"})
"""The words a companion phrase is hung by ("with" of "together with", "joined" of "joined by")."""


def companions(head: Token, g: Grammar, is_actor: Callable[[Token], bool]) -> list[Token]:
    """Return the actors an argument head acts with ("Warner" for "Kaufman, along with Warner"), each
    with its own conjuncts, from the phrase on the noun or on the noun's verb: only for a head that is an
    actor or a pronoun ("their roles alongside Germany" are no one's), only members that are actors."""
    found = _phrases(head, g)
    if not found or not (head.pos_ == "PRON" or is_actor(head)):
        return []
    return [m for m in found if is_actor(m)]


def _phrases(head: Token, g: Grammar) -> list[Token]:
    """Return the nouns of the companion phrases of an argument head, on the noun or on its verb."""
    found: list[Token] = []
    for c in g.kids(head):
        if c.i > head.i and c.lower_ in _WORDS:
            found += _members(_companion(c, g), g)
    verb = head.head
    if head.dep_ in _SLOT_DEPS and verb.pos_ in ("VERB", "AUX") and verb.i != head.i:
        for c in g.kids(verb):
            if c.lower_ in _WORDS and _goes_with(head, verb, c, g):
                found += _members(_companion(c, g), g)
    return found


def ends_phrase(c: Token, g: Grammar) -> bool:
    """Whether a modifier of a noun ends the noun's phrase: a list of examples ("donors such as Japan")
    or a companion ("Kaufman, along with Warner"), no part of who the noun is."""
    return opens_examples(c, g) or (c.lower_ in _WORDS and _companion(c, g) is not None)


def _companion(prep: Token, g: Grammar) -> Token | None:
    """The object of a companion preposition: "alongside Y", "along with Y" (the parser hangs "with" on
    "along", or both on the same word), "together with Y", "joined by Y"; else None."""
    low = prep.lower_
    if prep.dep_ == "acl" and low == "joined":
        by = next((c for c in g.kids(prep) if c.dep_ == "agent"), None)
        return g.pobj(by) if by is not None else None
    if prep.dep_ != "prep" or low not in ("along", "alongside", "with"):
        return None
    if low == "alongside":
        return g.pobj(prep)
    if low == "along":
        with_ = next((c for c in g.kids(prep) if c.dep_ == "prep" and c.lower_ == "with"), None)
        return g.pobj(with_) if with_ is not None else None
    before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
    if before in ("along", "together") or any(c.lower_ == "together" for c in g.kids(prep)):
        return g.pobj(prep)
    return None


def _goes_with(head: Token, verb: Token, prep: Token, g: Grammar) -> bool:
    """Whether a companion phrase on the verb goes with this argument: after the object for the object,
    after the verb for a passive subject of a verb with no object, before the verb for its subject."""
    if prep.dep_ != "prep":
        return False
    if head.dep_ == "dobj":  # "fought ISIS alongside the Kurds", "met them together with aides": doers
        return "along" in (prep.lower_, prep.doc[prep.i - 1].lower_) and _right_after(head, prep)
    if prep.i < verb.i:
        return head.dep_ == "nsubj" or head.dep_ == "nsubjpass"
    return head.dep_ == "nsubjpass" and not any(c.dep_ == "dobj" for c in g.kids(verb))


def _right_after(head: Token, prep: Token) -> bool:
    """Whether a phrase on the verb comes right after the object's phrase, with at most punctuation
    between ("jailed him along with …", "killed members of the sect, one of the oldest, along with …");
    after a clause of the verb it goes with some other word ("endorsed him to help spread the word, along
    with a group of surrogates": the campaign relies on both)."""
    doc = head.doc
    gap = range(head.right_edge.i + 1, prep.i)
    return prep.i > head.i and all(doc[i].is_punct for i in gap)


def _members(first: Token | None, g: Grammar) -> list[Token]:
    """The companion and its conjuncts ("along with Finney and Bentel"), nouns only."""
    if first is None:
        return []
    members = [first, *(c for c in conjuncts(first, g) if c.i > first.i)]
    return [m for m in members if m.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]


def is_companion(tok: Token, g: Grammar) -> bool:
    """Whether a noun is a companion or one of its conjuncts ("Egypt" of "France, along with Egypt"): on
    the same side as the noun it goes with, never the other side of a two-sided act."""
    first = tok
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ != "pobj":
        return False
    prep = first.head
    if prep.lower_ == "by" or (prep.lower_ == "with" and prep.head.lower_ == "along" and prep.dep_ == "prep"):
        prep = prep.head  # "joined by Y", "along with Y" with "with" hung on "along"
    found = _companion(prep, g) if prep.lower_ in _WORDS else None
    return found is not None and found.i == first.i
