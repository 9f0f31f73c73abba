"""An ordinary word in a title-case line is no town: "It Might Surprise You" names no Surprise, Arizona.

A headline or teaser written in title case capitalises every word, so there a capital letter is no
evidence of a name (`_title_case`). A name there whose only readings are towns, and which is also
an ordinary English word — the tagger reads it as no proper noun ("Surprise" of "It Might
Surprise You" is a verb), or the article itself writes the word in lower case ("came as a surprise")
— is that word, not the town, unless the text says otherwise: the article names it again outside a
title-case line, a state or country follows it ("Surprise, Ariz."), or it is the dateline. Such a
name is dropped before resolution, so it is no context for the other places either.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsgraph.extract.components._gazetteer import CITY, name_key
from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.components._title_case import title_case


def drop_headline_words(doc: Doc, text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """Return the toponyms without the ordinary words of title-case lines read as towns."""
    if not doc.has_annotation("SENT_START"):
        return toponyms
    sentences: dict[int, bool] = {}  # each sentence's answer, by its first token: read once per doc
    headline = [_in_title_case(doc, t, sentences) for t in toponyms]
    running = {name_key(t.text) for t, h in zip(toponyms, headline, strict=True) if not h}
    return [
        t
        for t, h in zip(toponyms, headline, strict=True)
        if not (h and name_key(t.text) not in running and _ordinary_town_word(doc, text, t))
    ]


def _in_title_case(doc: Doc, t: Toponym, sentences: dict[int, bool]) -> bool:
    """Tell whether the toponym stands in a title-case sentence (`sentences`: the answers so far)."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    sent = span[0].sent
    if sent.start not in sentences:
        sentences[sent.start] = title_case(sent)
    return sentences[sent.start]


def _ordinary_town_word(doc: Doc, text: str, t: Toponym) -> bool:
    """Tell whether a name read only as a town is an ordinary word, with nothing saying it is a place."""
    if t.qualifiers or t.dateline or not t.matches or any(m.entry.feature != CITY for m in t.matches):
        return False  # "Surprise, Ariz.", "SURPRISE, Ariz. (AP) —", "Turkey": a country
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not all(tok.is_alpha for tok in span):
        return False
    return not _proper_noun(span) or _written_lower(text, t.text)


def _proper_noun(span: Span) -> bool:
    """Tell whether the tagger reads every word of the name as a proper noun."""
    return all(tok.pos_ == "PROPN" for tok in span)


def _written_lower(text: str, name: str) -> bool:
    """Tell whether the article writes the name in lower case as an ordinary word ("a surprise")."""
    lower = name.lower()
    return lower != name and re.search(rf"\b{re.escape(lower)}\b", text) is not None
