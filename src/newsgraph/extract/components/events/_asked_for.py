"""What "ask for N" asks for names no party to the request.

A verb like "ask" names the one asked as its object and what is asked for in a "for" phrase: "asked
Thailand for the return of 45 nationals", "asked the AQMD for a map". The one asked is the request's
target. When the object is left out ("China asked for the return of 45 nationals", "a letter … asking for
the investigation of the incident"), the one asked is unnamed: the people or bodies inside the "for"
phrase are what the request is about, not whom it is made to, and are no target. A "for" subject of an
infinitive ("asked for America to fast and pray") is who is asked to act; the parse makes that "for" the
clause's marker, not the verb's preposition (`_for_clauses.py`), so it stays a target. The verbs are
`Lexicon.addressee_verbs`.
"""

from __future__ import annotations

from newsgraph.extract.components.events._actors import Actor
from newsgraph.extract.components.events._draft_view import DraftView
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

_OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})


class AskedFor:
    """Drop the targets a request takes from what it asks for when it names no one asked."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar

    def targets(self, d: DraftView) -> list[Actor]:
        """Return a request's targets without those inside the "for" phrase of an addressee verb that has
        no object ("asked for the return of 45 nationals": no target); the others as they are."""
        tok = d.tok
        if d.type != "REQUEST" or self.g.lemma(tok) not in self.lex.addressee_verbs:
            return d.targets
        kids = self.g.kids(tok)
        if any(c.dep_ in _OBJECT_DEPS for c in kids):
            return d.targets  # "asked Thailand for …": the one asked is named
        spans = [
            (c.left_edge.i, c.right_edge.i)
            for c in kids
            if c.dep_ == "prep" and c.lower_ == "for" and c.i > tok.i
        ]
        return [t for t in d.targets if not any(a <= t.head <= b for a, b in spans)]
