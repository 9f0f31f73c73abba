"""A title written before a name is the named person's, not an entity of its own.

In English a title (or a run of titles) that stands right before a person's name in one noun phrase
names that person's office: "Vice President Joe Biden", "North Korea's army chief of staff Pak Jong
Chon", "chief of staff General Duncan McNab". A long title may carry its office's of/for-phrase
between the title word and the name: "President of the United States Barack Obama", "Secretary of the
Air Force James Roche", "Assistant Secretary of the Air Force for Acquisition Marvin Sambur". There
the name follows the capitalised name of the organisation or country with nothing between them, which
tells the title's phrase from a phrase that names a second person ("a spokesman for Senator John
Smith", "a friend of Donald Trump": a preposition or the second person's own title comes before the
name).

`titled_holder` returns the person such a title phrase stands for, so a phrase another component found
at the title ("Assistant Secretary", the head the parser chose) joins the person's entity instead of
becoming a PERSON description of its own. Data: `titles.json` (titles, modifiers, honorifics,
abbreviations).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.extensions import entity_at_token
from newsgraph.extract.lexicons import load_json
from newsgraph.models import Entity

_OF = frozenset({"of", "for"})
_PLACE_OR_BODY = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC"})
_MOST_TITLES = 3  # "chief of staff General Duncan McNab": a few title words may stand between
_MOST_OFFICE = 10  # "of the Air Force for Acquisition": the office's phrase, a few words long


@cache
def _titles() -> frozenset[str]:
    titles = load_json("titles.json")
    keys = ("titles", "modifiers", "honorifics", "abbreviations")
    return frozenset(w.casefold() for key in keys for w in titles[key])


def _title_word(tok: Token) -> bool:
    """Whether a word is a title written before a name ("General", "Gen.", "Vice")."""
    return tok.text[:1].isupper() and tok.lower_ in _titles()


def _person_at(doc: Doc, i: int) -> Entity | None:
    """The person whose name mention starts at token `i`, if any."""
    if i >= len(doc) or doc[i].is_sent_start:
        return None
    entity = entity_at_token(doc, i)
    if entity is None or entity.type != "PERSON":
        return None
    start = doc[i].idx
    return entity if any(m.kind == "name" and m.start == start for m in entity.mentions) else None


def _after_titles(doc: Doc, i: int) -> int:
    """The token after the title words (none or a few) that start at token `i`."""
    end = min(len(doc), i + _MOST_TITLES)
    while i < end and _title_word(doc[i]) and not doc[i].is_sent_start:
        i += 1
    return i


def _office_word(tok: Token) -> bool:
    """Whether a word belongs to the name of an office's body or place ("Air", "Force", "Procurement"):
    a capitalised word that is no title, or a word spaCy labels part of such a name."""
    return tok.ent_type_ in _PLACE_OR_BODY or (tok.text[:1].isupper() and not _title_word(tok))


def _after_office(doc: Doc, i: int) -> Entity | None:
    """The person named right after a title's of/for-phrase that starts at token `i` ("of the Air
    Force James Roche"), when the phrase's last word belongs to the name of a place or a body."""
    if i >= len(doc) or doc[i].lower_ not in _OF:
        return None
    for j in range(i + 1, min(len(doc), i + 1 + _MOST_OFFICE)):
        tok = doc[j]
        if tok.is_sent_start or tok.is_punct:
            return None
        if tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON":
            return _person_at(doc, j) if _office_word(doc[j - 1]) else None
        if tok.lower_ not in _OF and tok.lower_ != "the" and not _office_word(tok):
            return None
    return None


def titled_holder(doc: Doc, span: Span) -> Entity | None:
    """The person a title phrase stands for when the person's name follows it in the same noun phrase
    (see the module docstring), else None."""
    i = _after_titles(doc, span.end)
    return _person_at(doc, i) or _after_office(doc, i)
