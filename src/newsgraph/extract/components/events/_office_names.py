"""A person's name in apposition after an office phrase names the office's holder, not its place.

In "The president of France, Nicolas Sarkozy, said …" the parser hangs the name on "France", the last
noun before the comma. A place or a body is no person, so a person's name in apposition right after
"the X of Y," names the X: "the president of Bulgaria, Georgi Parvanov,", "the head of the Central
Election Commission, Ali Ahmadi,", "the chief executive of the company, Jane Roe,". The office's
phrase may run through a few of-phrases ("the director of the Institute of Virology, …"). Its objects
must be names of places or bodies (a `_PLACE_OR_BODY` label) or the nouns that name a body
(`speaker_nouns.json`, `organisation`); a person or a role in the phrase ("the wife of the president,
…", "a friend of John Smith, …") may be the one the name is in apposition to, and stops the reading.
The caller reads it only for a noun that is a title ("the Greek island of Lesbos, Abdullah Zahed," is
no person).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._pronouns import body_nouns

_OFFICE_PREPS = frozenset({"of", "for", "at"})
_PLACE_OR_BODY = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})
_MOST_PHRASES = 3  # "the head of the Ministry of Health of Ghana": a few of-phrases at most


def office_apposed(head: Token, g: Grammar) -> list[Token]:
    """The person names in apposition the parse hangs on the place or body of a noun's office phrase
    (see the module docstring); none when the phrase names a person or a role, or has no such name."""
    obj = head
    for _ in range(_MOST_PHRASES):
        prep = next((c for c in g.kids(obj) if c.dep_ == "prep" and c.i > obj.i), None)
        if prep is None or prep.lower_ not in _OFFICE_PREPS:
            return []
        found = g.pobj(prep)
        if found is None or not _place_or_body(found):
            return []
        obj = found
        names = [c for c in g.kids(obj) if c.dep_ == "appos" and c.i > obj.i and _comma_name(c)]
        if names:
            return names
    return []


def _place_or_body(tok: Token) -> bool:
    """Whether an office phrase's object names a place or a body, no person."""
    if tok.ent_type_:
        return tok.ent_type_ in _PLACE_OR_BODY
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in body_nouns()


def _comma_name(tok: Token) -> bool:
    """Whether an apposition is a person's name set off by a comma ("…, Nicolas Sarkozy,")."""
    return tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and tok.doc[tok.left_edge.i - 1].text == ","
