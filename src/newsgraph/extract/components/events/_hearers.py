"""The hearer of a reported complaint or denial is no target: "Sanders complained to a radio host that
linking him to the massacre was unfair" has no target, "the minister denied to reporters that the army had
shelled the town" not the reporters.

A verb of saying that reports a clause names in its "to" phrase whom the words were said to; what the words
are about is in the clause. So when such a verb (`hearer_verbs` in `event_rules.json`: complain, deny,
protest …) has a clausal complement, its "to" party (and the parties conjoined with it) is no target of its
event. Without a clause the "to" phrase is where a complaint is lodged ("complained to the ministry about its
decision"), often the one complained about, and stays. A political hearer stays as well: a complaint, protest
or denial addressed to a state, a government or an official is aimed at it ("China complained to Washington
that the sales broke the accord"); private people, journalists and members of a people ("an American") are
only told.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actor_types import is_political
from newsgraph.extract.components.events._drafting import Draft
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon


def drop_hearers(doc: Doc, d: Draft, lex: Lexicon, g: Grammar) -> None:
    """Drop the targets of a draft that are only the hearer of the clause its verb of saying reports."""
    if not d.targets or g.lemma(d.tok) not in lex.hearer_verbs:
        return
    kids = g.kids(d.tok)
    if not any(c.dep_ == "ccomp" for c in kids):
        return
    hearers = {x.i for c in kids if c.dep_ == "prep" and c.lower_ == "to" for x in _parties(c, g)}
    d.targets = [
        a
        for a in d.targets
        if a.head not in hearers
        or (doc[a.head].ent_type_ != "NORP" and is_political(doc, a.head, a.start, a.end, a.entity, lex))
    ]


def _parties(prep: Token, g: Grammar) -> list[Token]:
    """The object of a preposition and the nouns conjoined with it ("to reporters and aides")."""
    out = [x for x in g.kids(prep) if x.dep_ == "pobj"]
    for tok in out:
        out += [c for c in g.kids(tok) if c.dep_ == "conj"]
    return out
