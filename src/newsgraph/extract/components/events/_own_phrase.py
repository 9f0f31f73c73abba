"""A verb's own phrase, as a CAMEO pattern reads it: its dependents without the clauses below them.

PETRARCH's patterns read the words of a verb's object and of its prepositional phrases. A clause
below one of them (a relative or participle clause of the object, an adverbial or reported clause
further down) says something else, with a verb of its own: its words are not the pattern's object
("would present evidence documenting the plan" is no "PRESENT * PLAN", an appeal; "rejected his
attempts to include language on the agreement" is no "REJECT * AGREEMENT"). `own_phrase` drops the
tokens of such clauses from the tokens read under a verb's dependents (`_dictionary._side`). The
verb's own dependents are kept whole at their top ("agreed to hold talks": the complement is the
verb's), and so is a chain of complements from the verb ("agreed to try to hold talks").
"""

from __future__ import annotations

from spacy.tokens import Token

CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "csubjpass"})
"""The dependency labels of a clause: below a verb's own dependent, no word of it is the verb's."""


_VERB, _PLAIN, _CHAIN, _CLAUSE, _APART = range(5)
"""Where a token stands from the verb (`_standing`): the verb itself; below one of its dependents in no
clause; in the chain of its complements; in a clause below one of its dependents; not under the verb."""


def own_phrase(verb: Token, tokens: list[Token]) -> list[Token]:
    """Return the tokens (of the subtrees of a verb's dependents) that are not in a clause below the
    dependent they hang from, in their order."""
    standings: dict[int, int] = {}  # by token index: each word on the way up read once for all tokens
    return [t for t in tokens if _standing(verb, t, standings) != _CLAUSE]


def _standing(verb: Token, tok: Token, standings: dict[int, int]) -> int:
    """Where a token stands from the verb, worked out from the first word up its chain of heads that is
    the verb or already placed; the words on the way are placed too."""
    path: list[Token] = []
    cur = tok
    while cur.i != verb.i and cur.i not in standings:
        head = cur.head
        if head.i == cur.i:
            standing = _APART  # not under the verb: nor is any word on the way
            break
        path.append(cur)
        cur = head
    else:
        standing = standings.get(cur.i, _VERB)
    for node in reversed(path):  # down from the highest word to the token
        standing = _below(standing, node)
        standings[node.i] = standing
    return standing


def _below(above: int, node: Token) -> int:
    """Where a word stands, from where its head stands."""
    if above in (_APART, _CLAUSE):
        return above
    if above == _VERB:
        return _CHAIN if node.dep_ == "xcomp" else _PLAIN  # the verb's own dependent is kept whole
    if above == _CHAIN and node.dep_ == "xcomp":
        return _CHAIN  # "agreed to try to hold talks": a complement of the verb's own complement
    return _CLAUSE if node.dep_ in CLAUSE_DEPS else _PLAIN
