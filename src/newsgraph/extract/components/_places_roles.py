"""A building named as the body that works in it, not as a place: its role in the sentence.

"A professor at the University of Sarajevo", "a study conducted by Ohio State University", "the
Royal Free Hospital said": the university or hospital is an employer, an agent or a speaker, an
organisation of the story rather than a place of it. "At the University of Sarajevo campus",
"taken to Colchester General Hospital", "gathered outside the museum" name the building as a
place. Read from spaCy's parse of the sentence; the heads of the buildings that are also bodies
("University", "Hospital", "Museum") are data (`places_names.json`, `body_heads`), the nouns of
people are the quotes component's (`speaker_nouns.json`, `person`) and a few more (`body_members`).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.lexicons import load_json

_EMPLOYER_PREPS = frozenset({"at", "of", "with", "from", "for"})
"""A person "at", "of", "with", "from" or "for" a body works or studies there."""
_PERSON_SUFFIXES = ("ist", "ian")
"""Nouns of people by their ending, read on the lemma: "specialist", "physician", "historians"."""


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """Return the heads of buildings that are also bodies, and the nouns of people."""
    names = load_json("places_names.json")
    persons = frozenset(load_json("speaker_nouns.json")["person"]) | frozenset(names["body_members"])
    heads = frozenset(names["body_heads"])
    return heads, persons


def _a_body(name: str) -> bool:
    """Tell whether a building's name is also a body's ("University of Sarajevo", "Royal Free
    Hospital"; not "Heathrow Airport"): its last word, or its first or second before "of", is such a
    head."""
    heads, _ = _lexicon()
    words = name.split()
    return words[-1] in heads or head_before_of(words, heads) or head_before_of(words[1:], heads)


def head_before_of(words: list[str], heads: Collection[str]) -> bool:
    """Tell whether a name's first word is a head right before "of" ("University of Sarajevo";
    from the second word, "National University of Singapore", "City University of New York", which
    detection reads as a building only where a toponym follows, as for a weak head)."""
    return len(words) > 2 and words[0] in heads and words[1] == "of"


def _a_person(token: Token) -> bool:
    """Tell whether a word names a person: a noun of people ("professor", "specialist") or a
    person's name ("Milos Davidovic")."""
    _, persons = _lexicon()
    lemma = token.lemma_.lower()  # "sociologists" is a sociologist
    if token.ent_type_ == "PERSON":
        return True
    return token.pos_ == "NOUN" and (lemma in persons or lemma.endswith(_PERSON_SUFFIXES))


def named_as_a_body(doc: Doc, t: Toponym) -> bool:
    """Tell whether the sentence names a building that is also a body as the body working in it.

    An employer: the object of "at", "of", "with", "from" or "for" after a person ("professor of
    law at the University of Sarajevo", "director of Housing Studies at Harvard University"), or
    a name before a person's noun ("University of Melbourne professor Andrew Rosser"); an agent:
    the object of "by" ("conducted by Ohio State University"); an actor: the subject of an active
    verb ("The Royal Free Hospital said"). Not a place it is said to be at, in or taken to.
    """
    if t.source != "facility" or not _a_body(t.text):
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB":
        return True
    if root.dep_ in ("compound", "nmod"):
        return _a_person(root.head)
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "by":
        return True
    if prep.lower_ not in _EMPLOYER_PREPS:
        return False
    owner = prep.head
    if _a_person(owner):
        return True
    # "director of Housing Studies at Harvard", "specialist in infectious diseases at the School"
    return owner.dep_ == "pobj" and owner.head.lower_ in ("of", "in") and _a_person(owner.head.head)
