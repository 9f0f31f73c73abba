"""Stage 2: an organisation's full name rebuilt from the acronym the article defines after it.

"Cornwall Fire and Rescue Service (CFRS)", "Citizens for Responsibility and Ethics in Washington
(CREW)", "Air Quality Management District (AQMD)": the bracketed acronym spells the initials of
the capitalised words before it, so those words are one name, however spaCy's recognizer cut or
typed them ("Cornwall Fire" as a person, "Washington" as a place, nothing at all). The words are
read back from the bracket, one token at a time, while they are capitalised words, the small
words a name holds ("of", "for", "and", "the", …, `names.acronym_candidates`) or a hyphen, comma
or "&"; the shortest run whose initials give the acronym is the name. It becomes one ORG mention
when its last word is an organisation's head word (`org_words`, not a law's word) or spaCy
already saw an organisation at its start. `chains.acronyms_in_brackets` then gives the acronym
and its later mentions to that name's chain.

Work is per bracketed acronym (one regex scan of the text), not per token of the doc.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract.components.entities.lexicon import EntityLexicon
from newsgraph.extract.components.entities.names import acronym_candidates
from newsgraph.extract.components.entities.spans import NameMention

_BRACKETED = re.compile(r"\(([A-Z]{2,8})\)")
_MAX_WORDS = 12
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "le", "to"})
_JOINERS = frozenset({"-", ",", "&"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def defined_names(doc: Doc, lex: EntityLexicon, mentions: list[NameMention], text: str) -> list[NameMention]:
    """Make the name a bracketed acronym defines one ORG mention (see the module docstring)."""
    for acr in _bracketed_acronyms(doc, text):
        end = acr.i - 1  # the "("
        if end > 0 and doc[end - 1].text in _POSSESSIVES:
            end -= 1  # "Department of Environment and Conservation's (DEC)"
        start = _name_start(doc, acr.text, end)
        if start is None or _crossed(mentions, start, end):
            continue
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if any(m.start == start and m.end == end for m in inside):
            continue  # spaCy's span already is the name
        if not _organisation(doc, lex, inside, start, end):
            continue
        mentions = [m for m in mentions if not (start <= m.start and m.end <= end)]
        mentions.append(NameMention(start, end, "ORG", "pattern"))
        mentions.sort(key=lambda m: m.start)
    return mentions


def _bracketed_acronyms(doc: Doc, text: str) -> list[Token]:
    """The all-caps tokens of two to eight letters written alone between brackets."""
    if "(" not in text:
        return []
    found = []
    for match in _BRACKETED.finditer(text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or len(span) != 1 or span.start < 2 or span.end >= len(doc):
            continue
        if doc[span.start - 1].text == "(" and doc[span.end].text == ")":
            found.append(span[0])
    return found


def _name_start(doc: Doc, acronym: str, end: int) -> int | None:
    """The start of the shortest run of name words ending at `end` whose initials spell the acronym."""
    k = end - 1
    while k >= 0 and end - k <= _MAX_WORDS:
        tok = doc[k]
        if tok.is_sent_start and k < end - 1 and not tok.text[:1].isupper():
            return None
        if tok.text[:1].isupper() and tok.is_alpha:
            if acronym in acronym_candidates(doc[k:end].text):
                return k
        elif tok.lower_ not in _SMALL_WORDS and tok.text not in _JOINERS:
            return None
        if tok.is_sent_start:
            return None
        k -= 1
    return None


def _crossed(mentions: list[NameMention], start: int, end: int) -> bool:
    """Whether a mention runs across either edge of the name (it is part of a longer name)."""
    return any(m.start < start < m.end or m.start < end < m.end for m in mentions)


def _organisation(doc: Doc, lex: EntityLexicon, inside: list[NameMention], start: int, end: int) -> bool:
    """Whether the name is an organisation's: an organisation's head word ends it, or spaCy saw an
    organisation at its start."""
    last = doc[end - 1].text
    if last in lex.org_words and last not in lex.law_heads:
        return True
    return any(m.start == start and m.label == "ORG" for m in inside)
