"""The named members a plural group noun lists in an apposition: "Nine countries — Australia, Brazil and
Japan — promised …", "the two leading Republicans, Donald J. Trump and Senator Ted Cruz, criticized …".

In English a plural noun followed, after a comma or a dash, by a list of two or more names says who the
group is: each name is a member, a party of the same role as the group, as the names of an "including"
or "such as" list are (`_lists.examples`). One name after a group noun is its name, not a list ("one
group, Partnership for Responsible Growth"; "the militia, the YPG"), and a list with a member that is no
name lists kinds, not parties; both give none. The parser hangs the later names on the first as
appositions or conjuncts ("Australia, Brazil, France …"); all are taken, in order.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lists import _name, example_member, examples, plural_group

_BREAKS = frozenset({",", "—", "–", "-", "--", ":"})
"""Punctuation that opens an apposition after its noun."""


def apposed_members(head: Token, g: Grammar) -> list[Token]:
    """Return the names a plural group noun lists in an apposition right after it, at least two, all names
    of parties ("Nine countries — Australia, Brazil and Japan"), else []."""
    if not plural_group(head):
        return []
    for a in g.kids(head):
        if a.dep_ != "appos" or a.i <= head.i or a.left_edge.i < 1:
            continue
        if head.doc[a.left_edge.i - 1].text not in _BREAKS:
            continue
        members = [a]
        for word in members:  # grows while read: the list's later names
            members.extend(c for c in g.kids(word) if c.i > word.i and c.dep_ in ("conj", "appos"))
        if len(members) >= 2 and all(_name(m) for m in members):
            return sorted(members, key=lambda t: t.i)
        return []
    return []


def group_members(head: Token, g: Grammar) -> list[Token]:
    """Return the named members a group noun lists: an "including" or "such as" list, or an apposed one."""
    return examples(head, g) or apposed_members(head, g)


def group_member(tok: Token, g: Grammar) -> bool:
    """Whether a name is a listed member of a group noun (one side with its group in a two-sided act)."""
    if example_member(tok, g):
        return True
    top = tok
    while top.dep_ in ("conj", "appos") and top.head.i < top.i and top.head.pos_ == "PROPN":
        top = top.head
    return top.dep_ == "appos" and tok in apposed_members(top.head, g)
