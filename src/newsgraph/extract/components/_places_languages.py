"""A demonym that names a language, not a place: "speak Japanese", "in Spanish", "“wan-wan” (Japanese)".

Many demonyms are also the name of a language ("Japanese", "Spanish", "Arabic", "English"). Used
as a noun of its own, with no determiner and no noun after it, as what is spoken, taught, learnt
or written ("foreigners who don't speak Japanese", "his mother refused to teach him Japanese"), as
the language something is said in ("ads in Spanish", "quoting da Vinci in Italian") or as the gloss
of a quoted word ("“wan-wan” (Japanese)"), it names the language, not the country: news geoparsing
sets annotate no toponym there (GeoWebNews leaves "speaks in Spanish" and "in English" out), so
the name is no place at all. As a modifier ("Japanese cars", "in Japanese waters") or with a
determiner ("the Japanese have …", the people) it stays the country. Read from spaCy's parse;
the verbs of language use are data (`places_names.json`, `language_verbs`). A demonym that is also a
place's own name ("Saudi", "Arctic") is left alone: "working in Saudi" is the country.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.extract.components._gazetteer import Gazetteer
from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.lexicons import load_json

_IN_A_LANGUAGE = frozenset({"in", "into"})
"""Prepositions of the language something is said or put in ("in Spanish", "translated into Arabic")."""
_GLOSS = re.compile(r"[”\"’']\s*\($")
"""A quoted word right before a parenthesis: "“wan-wan” (Japanese)"."""


@cache
def _language_verbs() -> frozenset[str]:
    return frozenset(load_json("places_names.json")["language_verbs"])


def _language_use(token: Token) -> bool:
    """Tell whether a bare noun is what is spoken or taught, or the language something is in."""
    while token.dep_ == "conj" and token.head is not token:  # "in Arabic and English"
        token = token.head
    if token.dep_ == "dobj":
        return token.head.lemma_.lower() in _language_verbs()
    return token.dep_ == "pobj" and token.head.lower_ in _IN_A_LANGUAGE


def names_a_language(doc: Doc, text: str, g: Gazetteer, t: Toponym) -> bool:
    """Tell whether a demonym is used as the name of a language (see the module docstring)."""
    if g.demonym(t.text) is None or " " in t.text or g.lookup(t.text):
        return False  # not a place's own name ("working in Saudi", "in Caribbean waters")
    if _GLOSS.search(text, max(0, t.start - 4), t.start) and text.startswith(")", t.end):
        return True  # "“wan-wan” (Japanese)"
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    if any(child.dep_ in ("det", "poss", "amod", "compound") for child in token.children):
        return False  # "the Japanese", people
    return token.pos_ in ("PROPN", "NOUN") and _language_use(token)


def drop_languages(doc: Doc, text: str, g: Gazetteer, toponyms: list[Toponym]) -> list[Toponym]:
    """Return the toponyms without the demonyms that name a language."""
    return [t for t in toponyms if not names_a_language(doc, text, g, t)]
