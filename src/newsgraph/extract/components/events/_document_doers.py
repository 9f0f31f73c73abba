"""A named document is no doer: "the Charter calls on …", "the Constitution forbids …" tell what a text says.

The project already reads a common noun of a text as no doer ("these laws are preventing access", "the
resolution demands …": no event) and a named document as no party done to ("signed a Treaty on …",
`document_nouns`). A proper name headed by a document noun ("the Charter", "the Constitution", "the Every
Student Succeeds Act", "the Geneva Convention") as the subject of a verb is the same: a text, not an actor,
and what it "calls on", "forbids", "guarantees" or "prevents" is a standing provision, no act. The draft is
dropped, as it is for a thing doing a political act. A document whose author or owner is named on it
("Zimbabwe's Constitution", "the Kenyan constitution") is left to the owner route (`_owner_sides`).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._proper_names import document_name
from newsgraph.extract.extensions import entity_at_token

_OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
"""The modifiers of a document that can name its owner or author ("Zimbabwe's", "U.N.", "Kenyan")."""
_ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "GROUP"})


def document_doer(tok: Token, lex: Lexicon) -> bool:
    """Whether a verb's doer is a named document with no owner named on it ("The Charter calls on …";
    not "Zimbabwe's Constitution guarantees …", "the U.N. Charter")."""
    if not document_name(tok, lex):
        return False
    own = entity_at_token(tok.doc, tok.i)
    for c in tok.children:
        if c.dep_ not in _OWNER_DEPS:
            continue
        if c.dep_ == "poss" or c.lower_ in lex.demonyms:
            return False  # "Zimbabwe's Constitution", "its charter", "the Kenyan constitution"
        other = entity_at_token(tok.doc, c.i)
        if other is not None and other is not own and other.type in _ACTOR_TYPES:
            return False  # "the U.N. Charter": its author's name
    return True
