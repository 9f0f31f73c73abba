"""What is left of a dead person is a thing, not the person: "the body of X", "X's remains", "his grave".

English names a corpse by the person it was, in a possessive or an "of" phrase: "The body of Alistair Cooke
was looted", "the remains of three firefighters", "his grave". The phrase is a thing: a deed done to it is no
act against the person (nor against anyone), so its owner is no party to an assault or a seizure of it, and
the phrase does not stand for the owner as "Trump's campaign" stands for Trump. `remains` reads a noun of
`remains_nouns` ("body", "remains", "corpse", "grave") whose possessor or "of" phrase is a person: a name of a
person or an organisation (the entities component types some persons as organisations: "Alistair Cooke"), a
people noun ("the bodies of two soldiers") or "his"/"her"/"their". A body of an organisation is no corpse: one
with a modifier of its own ("the governing body of FIFA", "the world body", "the UN health body"; "dead"
aside) or one that gathers many ("a body of experts").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._people_nouns import people_noun
from newsgraph.extract.extensions import entity_at_token

_PERSONAL = frozenset({"his", "her", "their"})
_NAMED = frozenset({"PERSON", "ORG"})
"""Entity types of a name that can be a person's (not a place, a group, a nationality or a disease)."""


def remains(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun names what is left of a dead person: a remains noun owned by a person."""
    if tok.pos_ != "NOUN" or not {tok.lemma_.lower(), tok.lower_} & lex.remains_nouns:
        return False
    if any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ != "dead" for c in tok.children):
        return False  # "the governing body of FIFA", "the world body"
    for c in tok.children:
        owner = c if c.dep_ == "poss" else None
        if c.dep_ == "prep" and c.lower_ == "of":
            owner = next((p for p in c.children if p.dep_ == "pobj"), None)
            if owner is not None and tok.tag_ == "NN" and owner.tag_ in ("NNS", "NNPS"):
                return False  # "a body of experts": many gathered
        if owner is not None and _person(owner, lex):
            return True
    return False


def _person(tok: Token, lex: Lexicon) -> bool:
    """Whether an owner is a person: "his", a name that is no place, a people noun ("two soldiers")."""
    if tok.pos_ == "PRON":
        return tok.lower_ in _PERSONAL
    found = entity_at_token(tok.doc, tok.i)
    if found is not None:
        return found.type in _NAMED
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "NOUN" and people_noun(tok, lex))
