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


def own_phrase(verb: Token, tokens: list[Token]) -> list[Token]:
    """Return the tokens (of the subtrees of a verb's dependents) that are not in a clause below the
    dependent they hang from, in their order."""
    return [t for t in tokens if not _in_clause(verb, t)]


def _in_clause(verb: Token, tok: Token) -> bool:
    """Whether a token lies in a clause below a dependent of the verb."""
    path: list[Token] = []
    cur = tok
    while cur.i != verb.i:
        if cur.head.i == cur.i:
            return False  # not under the verb
        path.append(cur)
        cur = cur.head
    chain = False  # whether the nodes so far are the verb's complement and complements of it
    for node in reversed(path):  # from the verb's own dependent down to the token
        if node.head.i == verb.i:
            chain = node.dep_ == "xcomp"
        elif node.dep_ == "xcomp" and chain:
            continue  # "agreed to try to hold talks": a complement of the verb's own complement
        elif node.dep_ in CLAUSE_DEPS:
            return True
        else:
            chain = False
    return False
