"""Purpose clauses of requests: whom an appeal's purpose serves is not whom it asks.

A to-infinitive that modifies an appeal or the act of appealing without being its complement says
what the thing asked for is for: "launched an appeal for $42 million to assist victims of the floods",
"appealed for money to help refugees", "a call to protect civilians". Its object is whom the help is
meant for, not who is asked to give it, who is the addressee ("appealed to donors", "asked the U.N.")
or no one named. A complement is not a purpose: "urged X to act", "demanded to see the minister" and
"called for the army to withdraw" (the parse's `ccomp`, or an adverbial clause with its "for" subject:
`Grammar.asked_clause`, `_for_clauses`) keep their targets.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._for_clauses import for_subject_clause
from newsgraph.extract.components.events._grammar import Grammar

_PURPOSE_DEPS = frozenset({"advcl", "acl"})
_ASKING = "REQUEST"


def request_purpose(clause: Token, type_: str, g: Grammar) -> bool:
    """Whether a clause under a trigger of `type_` is a request's purpose: an active to-infinitive adverbial
    or adnominal clause ("appealed for money to help refugees"); a passive one ("pleaded before Congress to
    be given $14 billion") says what the asker is to get, and its parse is left as it is. The parse often
    reads the thing asked for as the clause's "for" subject ("for blankets to help …"); its object is then
    no one asked either."""
    if type_ != _ASKING or clause.dep_ not in _PURPOSE_DEPS:
        return False  # the cheapest tests first: most events are no requests
    if not g.to_infinitive(clause) or g.is_passive(clause):
        return False
    return not for_subject_clause(clause, g.kids(clause))  # "called for the army to withdraw": what is asked


def aimed_clause(clause: Token, type_: str, g: Grammar) -> bool:
    """Whether an active clause modifying an event noun can name its target by its object ("attacks that
    targeted the police": the police); a request's purpose cannot ("an appeal to assist victims"), nor
    its "that" clause, whose subject is who is asked ("a request that Kenya free the reporters":
    `_mandates`)."""
    if type_ == _ASKING and clause.dep_ == "acl" and g.asked_clause(clause):
        return False
    return not g.is_passive(clause) and not request_purpose(clause, type_, g)
