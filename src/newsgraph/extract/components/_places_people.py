"""A person's name is no place: the words by which an article calls its people, and a courtesy title.

Many surnames are towns' names ("Mitchell", "Lincoln", "Palmer") and some are divisions' or
demonyms ("Guerrero", "English"). The places component drops a town's name that is a word of a
person's full name in the article ("Rubio" of "Marco Rubio") unless a locative word or a qualifier
makes it a place (`ToponymFinder._names_a_person`). A courtesy title written right before the
name ("Mr. English", "Ms. Gao", "Mr. Guerrero") makes it a person's whatever the gazetteer holds:
English puts no place name after "Mr." or "Ms.". The titles are the entities component's
(`titles.json`, `honorifics`), less the possessives "his" and "her" ("her Iowa campaign").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Span

from newsgraph.extract.components._gazetteer import name_key
from newsgraph.extract.extensions import get_entities
from newsgraph.extract.lexicons import load_json

_TITLE_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]*\.?) $")
"""A capitalised word or abbreviation right before a name, one space apart ("Mr. ", "Dame ")."""


@cache
def _courtesy_titles() -> frozenset[str]:
    return frozenset(load_json("titles.json")["honorifics"]) - {"his", "her"}


def after_courtesy_title(text: str, start: int) -> bool:
    """Tell whether a courtesy title stands right before `start` ("Mr. English", "“Dr. Carson")."""
    if start < 3 or text[start - 1] != " " or not (text[start - 2] == "." or text[start - 2].islower()):
        return False
    before = _TITLE_BEFORE.search(text, max(0, start - 9), start)
    return before is not None and before.group(1).lower() in _courtesy_titles()


def person_words(doc: Doc, ents: Sequence[Span], place_heads: frozenset[str]) -> set[str]:
    """Return the one-word names by which the article may call its people.

    The words of every person's name of two or more words, as the entities component (a person it
    knows by a name, not only by a description: "the Mayor of Boston") or the tagger gives it
    ("Hillary Clinton", "Karen Dunn": "Clinton", "Dunn"; not a place's name taken for a person's,
    "Beledweyne District"), and the one-word mentions the entities component linked to such a
    person ("Rubio" of "Marco Rubio").
    """
    names = [ent.text for ent in ents if ent.label_ == "PERSON"]
    words: set[str] = set()
    for e in get_entities(doc):
        if e.type != "PERSON" or not any(m.kind == "name" for m in e.mentions):
            continue  # a description ("the Mayor of Boston") names no one: its words are no name's
        names.append(e.name)
        if len(e.name.split()) > 1:
            words.update(
                name_key(m.text.removesuffix("'s").removesuffix("’s"))
                for m in e.mentions
                if m.kind == "name" and len(m.text.split()) == 1
            )
    for name in names:
        parts = name.removesuffix("'s").removesuffix("’s").split()
        if len(parts) > 1 and not place_heads.intersection(parts):
            words.update(name_key(w) for w in parts if w[:1].isupper() and len(w) > 2)
    return words
