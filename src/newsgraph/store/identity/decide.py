"""An entity's canonical name and type, decided from its members' votes by order-free rules.

Each article contributes one vote per (name, type) its members of the entity had, marked
`linked` when the extractor linked the member to a knowledge base. The type is the one with the
most articles among the linked votes, or among all votes when none is linked (a knowledge base
wins over the parser); the name is chosen among the votes of that type: the normalized name
(`name_key`: "the Taliban" = "Taliban") with the most articles, then the longest, then the first
in alphabetical order; of its written forms, one without a leading "the", then the most used,
then the first in alphabetical order. A rename or retype rule overrides
the votes. Sums and fixed tie-breaks: the result does not depend on the order of the articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.models import ENTITY_TYPES
from newsgraph.store.identity.keys import name_key

TYPE_ORDER = ENTITY_TYPES
"""Ties between types are broken in this order (the contract's)."""


@dataclass(frozen=True, slots=True)
class Vote:
    """Articles whose member of the entity had this name and type; `linked` of them knowledge-linked."""

    name: str
    type: str
    articles: int
    linked: int = 0


def _type_rank(type_: str) -> int:
    return TYPE_ORDER.index(type_) if type_ in TYPE_ORDER else len(TYPE_ORDER)


def decide(votes: Iterable[Vote], *, name: str | None = None, type_: str | None = None) -> tuple[str, str]:
    """Return (name, type) from the votes; `name`/`type_` (from rules) win when given.

    Raises:
        ValueError: no votes and no rule to decide by.
    """
    votes = [v for v in votes if v.articles > 0]
    if type_ is None:
        linked = Counter[str]()
        every = Counter[str]()
        for vote in votes:
            linked[vote.type] += vote.linked
            every[vote.type] += vote.articles
        pool = linked if any(linked.values()) else every
        if not pool:
            raise ValueError("no votes to decide a type by")
        type_ = min(pool, key=lambda t: (-pool[t], _type_rank(t), t))
    if name is None:
        name = _name(votes, type_)
    return name, type_


def _name(votes: list[Vote], type_: str) -> str:
    chosen = [v for v in votes if v.type == type_] or votes
    if not chosen:
        raise ValueError("no votes to decide a name by")
    by_key = Counter[str]()
    forms = Counter[str]()
    for vote in chosen:
        by_key[name_key(vote.name)] += vote.articles
        forms[vote.name] += vote.articles
    key = min(by_key, key=lambda k: (-by_key[k], -len(k), k))
    return min(
        (f for f in forms if name_key(f) == key),
        key=lambda f: (f.casefold().startswith("the "), -forms[f], f),
    )
