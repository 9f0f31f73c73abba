"""A proposition is no act done to its subject.

A finite content clause of a verb of agreeing or denying (`proposition_types`: "agreed that a president
should …", "denied that Clinton had anything to do with …") is a proposition about its subject, not an
act done to it, and none of its words names the target. A demand, a charge or a warning ("demanded that
Beijing remove them", "alleged that the military was behind …") names in its clause whom it aims at; a
to-infinitive ("allowed agencies to go") and a clause whose subject is the source or a pronoun ("promised
that it would …") are the source's own act; both keep their target. A content clause comes after its
verb (a clause before it is one the parse joined across a semicolon), and a "verb" with a determiner is
a noun the parse took for one ("declined a Defense Department offer to …").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._practices import open_practice

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""The tags of a tensed verb or a modal."""


def _finite(clause: Token) -> bool:
    """Whether a clause is finite: a tensed verb or auxiliary, or "that" ("that a president should …")."""
    if clause.tag_ in _FINITE_TAGS:
        return True
    return any(
        (c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS) or (c.dep_ == "mark" and c.lower_ == "that")
        for c in clause.children
    )


def acts_among(
    verb: Token, complements: list[Token], type_: str, exclude: set[int], lex: Lexicon
) -> list[Token]:
    """Return the complements of `verb`, of type `type_`, that may name its target: all but a proposition
    after it about another party than the source ("agreed that a president should …") and a bare gerund
    naming a practice (`_practices`: "supports keeping troops there"). `exclude` holds the source's tokens."""
    complements = [c for c in complements if not open_practice(c, type_, lex)]
    if type_ not in lex.proposition_types:
        return complements
    return [c for c in complements if c.i < verb.i or not _proposition(c, exclude, lex)]


def _proposition(clause: Token, exclude: set[int], lex: Lexicon) -> bool:
    """Whether `clause` is a finite content clause whose subject is another party than the source."""
    if clause.dep_ != "ccomp" or not _finite(clause) or any(c.dep_ == "det" for c in clause.children):
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.i not in exclude and subj.lower_ not in lex.pronouns
