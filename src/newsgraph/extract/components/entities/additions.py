"""Stage 2: names spaCy missed or mistyped, found with patterns and the gazetteer.

The place in a dateline ("LONDON 1996-08-30", "KABUL, Afghanistan (AP) —"), country names
(gazetteer), initialled names ("A. Hollioake"), two PERSON spans the tagger split ("Kengo" +
"Dondo"), people in results lists ("Wilson Kipketer (Denmark)"), and a law's name past a
possessive ("Countering America's Adversaries Through Sanctions Act").
"""

from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from newsgraph.extract.components.entities.lexicon import EntityLexicon
from newsgraph.extract.components.entities.spans import (
    NameMention,
    joined_to_other_name,
    mention_key,
    taken,
)
from newsgraph.extract.extensions import span_text

_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,2}))?"
    r"(?= +\d{4}-\d\d-\d\d\b| ?\([A-Za-z][A-Za-z .&/-]{0,30}\)| +[—–]| +--)"
)
_INITIALLED = re.compile(r"(?<![\w.’'-])(?:[A-Z]\. ?){1,3}[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?(?![\w’'-])")


def _with(mentions: list[NameMention], added: list[NameMention]) -> list[NameMention]:
    """Return the mentions with the added ones, in text order (the same list when none is added)."""
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.start)


def add_datelines(doc: Doc, mentions: list[NameMention], text: str) -> list[NameMention]:
    """Add the place of a dateline as GPE, replacing what spaCy made of it."""
    found: list[NameMention] = []
    for match in _DATELINE.finditer(text[:20000]):
        for group in ("place", "region"):
            if match.group(group) is None:
                continue
            span = doc.char_span(match.start(group), match.end(group))
            if span is not None:
                found.append(NameMention(span.start, span.end, "GPE", "dateline"))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted(kept + found, key=lambda m: m.start)


def add_gazetteer(doc: Doc, matcher: PhraseMatcher, mentions: list[NameMention]) -> list[NameMention]:
    """Add country names spaCy missed (not glued to other capitalised words)."""
    covered = taken(mentions)
    added = []
    for _, start, end in matcher(doc):
        if any(i in covered for i in range(start, end)):
            continue
        if joined_to_other_name(doc, start, end):
            continue
        added.append(NameMention(start, end, "GPE", "gazetteer"))
        covered.update(range(start, end))
    return _with(mentions, added)


def add_initialled_names(
    doc: Doc, lex: EntityLexicon, mentions: list[NameMention], text: str
) -> list[NameMention]:
    """Add names written with initials that spaCy missed ("A. Hollioake", "J.R. Smith")."""
    covered = taken(mentions)
    added = []
    for match in _INITIALLED.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is None or any(i in covered for i in range(span.start, span.end)):
            continue
        last = span[-1]
        if last.pos_ != "PROPN" or last.is_stop or lex.is_title(last) or last.text in lex.org_words:
            continue
        added.append(NameMention(span.start, span.end, "PERSON", "pattern"))
    return _with(mentions, added)


def merge_adjacent_persons(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """Join two PERSON spans that touch on one line ("Kengo" + "Dondo" split by the tagger)."""
    out: list[NameMention] = []
    for m in mentions:
        if (
            out
            and out[-1].label == "PERSON"
            and m.label == "PERSON"
            and out[-1].end == m.start
            and "\n" not in doc[m.start - 1].whitespace_
        ):
            out[-1].end = m.end
            continue
        out.append(m)
    return out


def join_split_names(doc: Doc, lex: EntityLexicon, mentions: list[NameMention]) -> list[NameMention]:
    """Join two spans of one name that spaCy parted.

    A person's name around lower-case particles ("Ursula" von der "Leyen", "Charles" de
    "Gaulle"), a first name coordinated into an organisation's name ("Bill" and "Melinda
    Gates Foundation"), and an organisation whose name goes on after its head word with "for",
    "of" or "on" ("U.S. Agency" for "International Development", "United Nations Office" for
    the "Coordination of Humanitarian Affairs").
    """
    out: list[NameMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.end < m.start and "\n" not in span_text(doc, prev.end, m.start):
            between = range(prev.end, m.start)  # the words between, read by index: no Span is made
            if "PERSON" in {prev.label, m.label} and all(doc[i].lower_ in lex.particles for i in between):
                prev.end, prev.label = m.end, "PERSON"
                continue
            if (
                len(between) == 1
                and doc[prev.end].lower_ in {"and", "&"}
                and prev.label == "PERSON"
                and prev.end - prev.start == 1
                and m.label == "ORG"
                and doc[m.end - 1].text in lex.org_words
            ):
                prev.end, prev.label = m.end, "ORG"
                continue
            if _continues_organisation(doc, lex, prev, m):
                prev.end = m.end
                continue
        out.append(m)
    return out


def extend_law_names(doc: Doc, lex: EntityLexicon, mentions: list[NameMention]) -> list[NameMention]:
    """Take the rest of a law's name past a possessive that ended spaCy's span.

    "Countering America's" + "Adversaries Through Sanctions Act": capitalised words after the
    possessive, with no other name among them, up to a law's word (`law_heads`).
    """
    starts = {m.start for m in mentions}
    for m in mentions:
        if m.end + 2 >= len(doc) or doc[m.end].tag_ != "POS" or m.end + 1 in starts:
            continue
        if m.label in {"PERSON", "GPE", "NORP", "LOC"}:
            continue  # "Obama's Affordable Care Act": the owner is a name of its own
        end = m.end + 1
        while end < min(len(doc), m.end + 10) and doc[end].is_title and end not in starts:
            if doc[end].text in lex.law_heads:
                m.end, m.label = end + 1, "LAW"
                break
            end += 1
    return _numbered_bills(doc, lex, mentions)


def _numbered_bills(doc: Doc, lex: EntityLexicon, mentions: list[NameMention]) -> list[NameMention]:
    """Join a chamber to the numbered bill it names: "Senate" + "Bill 461", "House Bill 1234" are
    one law's name, not a mention of the chamber (which may be a state's)."""
    taken_by: set[int] = set()
    for m in mentions:
        end = m.end + 2
        if m.label != "ORG" or end > len(doc) or doc[m.end].text not in lex.law_heads:
            continue
        if not (doc[m.end].whitespace_ and doc[m.end + 1].text.isdigit()):
            continue
        taken_by.update(range(m.end, end))
        m.end, m.label = end, "LAW"
    return [m for m in mentions if m.start not in taken_by]


def _continues_organisation(doc: Doc, lex: EntityLexicon, prev: NameMention, m: NameMention) -> bool:
    """Whether `m` is the rest of the organisation `prev`, after "for", "of" or "on" (and "the")."""
    if prev.label != "ORG" or m.label != "ORG" or m.start - prev.end > 2:
        return False  # read before the words between: mentions may lie paragraphs apart
    between = [t.lower_ for t in doc[prev.end : m.start]]
    return (
        between in (["for"], ["of"], ["on"], ["for", "the"], ["of", "the"], ["on", "the"])
        and doc[prev.end - 1].text in lex.org_words
        and all(
            t.is_title or t.is_upper or t.lower_ in {"of", "and", "for", "on", "the", "&"}
            for t in doc[m.start : m.end]
        )
    )


def people_with_country(doc: Doc, lex: EntityLexicon, mentions: list[NameMention]) -> list[NameMention]:
    """Type "Wilson Kipketer (Denmark)" as a person: results lists and party labels."""
    by_end = {m.end: m for m in mentions}
    added: list[NameMention] = []
    for m in mentions:
        if m.label != "GPE" or m.start < 2 or m.end >= len(doc):
            continue
        if doc[m.start - 1].text != "(" or doc[m.end].text != ")":
            continue
        key = mention_key(doc, m)
        if key not in lex.countries and lex.known.find(key) is None:
            continue
        before = by_end.get(m.start - 1)
        if before is not None:
            if before.label in {"ORG", "LOC", "FAC"} and 2 <= before.end - before.start <= 4:
                before.label = "PERSON"
            continue
        start = m.start - 1
        while start > 0 and m.start - 1 - start < 4:
            tok = doc[start - 1]
            if not (tok.is_title and tok.is_alpha) or "\n" in tok.whitespace_ or lex.is_title(tok):
                break
            start -= 1
        if m.start - 1 - start >= 2 and not any(i in taken(mentions) for i in range(start, m.start - 1)):
            added.append(NameMention(start, m.start - 1, "PERSON", "pattern"))
    return _with(mentions, added)
