"""Name spans during resolution (token offsets) and the small token tests every stage shares."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from spacy.tokens import Doc, Token

from newsgraph.extract.components.entities.names import normalize_name
from newsgraph.extract.extensions import span_text

INITIAL = re.compile(r"^[A-Z]\.$")
SPACES = re.compile(r"\s+")
_LINE = re.compile(r"[^\n]+")
_UPPER = re.compile(r"[A-Z]")
_BIG = 1 << 62


@dataclass(slots=True)
class NameMention:
    """A name span during resolution (token offsets) with where it came from."""

    start: int
    end: int
    label: str | None
    source: str  # ner | dateline | gazetteer | lexicon | pattern | propagated | acronym
    weak: bool = False  # found in an ALL-CAPS line: only trusted when confirmed
    titles: list[tuple[int, int]] = field(default_factory=list)  # title tokens split off the span
    kb: str | None = None  # a lexicon entry's key (diseases, market indices)
    canonical: str | None = None  # the name a new chain of this mention takes ("Boeing 787" for "787")


@dataclass(slots=True)
class Chain:
    """Mentions of one entity."""

    mentions: list[NameMention]
    key: str
    canonical: str | None = None
    forced_type: str | None = None
    kb: str | None = None

    @property
    def first(self) -> int:
        """Token index of the chain's first mention."""
        return min(m.start for m in self.mentions)


def mention_key(doc: Doc, m: NameMention) -> str:
    """Return the comparison key of a mention's text."""
    return normalize_name(span_text(doc, m.start, m.end))


def mention_text(doc: Doc, m: NameMention) -> str:
    """Return a mention's text, `doc[m.start : m.end].text` read off the article's text (no Span, no
    joining of its tokens)."""
    return span_text(doc, m.start, m.end)


def caps_lines(text: str) -> list[tuple[int, int]]:
    """Return the character ranges of lines written in capitals (headlines, datelines)."""
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        if line == line.upper() and len(_UPPER.findall(line, 0, 200)) >= 6:
            out.append((m.start(), m.end()))
    if sum(b - a for a, b in out) > len(text) // 2:
        return []  # a text all in capitals: spaCy's names are all there is
    return out


def in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether `pos` falls in one of the sorted, disjoint `ranges`."""
    k = bisect_right(ranges, (pos, _BIG)) - 1
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]


def taken(mentions: Iterable[NameMention]) -> set[int]:
    """Return the token indices the mentions cover."""
    return {i for m in mentions for i in range(m.start, m.end)}


def cut_at_sentence_starts(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """Cut off the pieces of a mention that run past a sentence start and are no name.

    spaCy's recognizer never crosses a sentence start, but the stages that widen its spans can
    ("Q." + "The" in "went up on Q. The ministry denied it"; "Approved-" + "Maria Lopez" across a
    headline's end). Of the pieces between the sentence starts inside a mention, those holding a
    word the recognizer named are the name; when it named none (a name found by a pattern), those
    holding a proper noun. The mention keeps the stretch from its first such piece to its last
    (two named pieces stay one name: the parser also starts sentences inside names of results
    lists, "7. Anna | Berger (Austria)"); a mention with none is dropped. A title split off the
    name stays only while the name's start does.
    """
    out: list[NameMention] = []
    for m in mentions:
        cuts = [i for i in range(m.start + 1, m.end) if doc[i].is_sent_start]
        if not cuts:
            out.append(m)
            continue
        pieces = list(pairwise([m.start, *cuts, m.end]))
        kept = [p for p in pieces if any(t.ent_type for t in doc[p[0] : p[1]])]
        kept = kept or [p for p in pieces if any(t.pos_ == "PROPN" for t in doc[p[0] : p[1]])]
        if kept:
            start, end = kept[0][0], kept[-1][1]
            out.append(replace(m, start=start, end=end, titles=list(m.titles) if start == m.start else []))
    return out


def starts_sentence(tok: Token) -> bool:
    """Whether a token opens a sentence or a line (possibly after a quotation mark)."""
    i = tok.i
    doc = tok.doc
    while i > 0 and doc[i - 1].is_quote:
        i -= 1
    return i == 0 or doc[i].is_sent_start is True or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_


def glued_hyphen_after(doc: Doc, i: int, end: int) -> bool:
    """Whether token `i` is joined to the next word by a hyphen without spaces ("al-Qahtani")."""
    return (
        i + 2 < end and doc[i + 1].text == "-" and doc[i].whitespace_ == "" and doc[i + 1].whitespace_ == ""
    )


def joined_to_other_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a match is glued to more capitalised words (part of a longer name)."""
    if start > 0:
        prev = doc[start - 1]
        if prev.is_title and prev.is_alpha and not prev.is_sent_start and "\n" not in prev.whitespace_:
            return not doc[start].is_upper
    if end < len(doc):
        nxt = doc[end]
        if nxt.is_title and nxt.is_alpha and "\n" not in doc[end - 1].whitespace_:
            return not doc[end - 1].is_upper
    return False


def common_word(tok: Token, text: str) -> bool:
    """Whether a sentence-initial capitalised word is an ordinary word ("Such", "Death")."""
    if tok.is_stop:
        return True
    return re.search(r"(?<![\w\-])" + re.escape(tok.lower_) + r"(?![\w\-])", text) is not None


def name_words(key: str) -> tuple[str, ...]:
    """Split a name key into words at spaces and hyphens ("omar al-bashir" → omar, al, bashir)."""
    return tuple(w for w in re.split(r"[\s\-‐–]+", key) if w)


def longest_text(doc: Doc, c: Chain) -> str:
    """Return the longest mention text (not from a capitals line when there is another)."""
    strong = [m for m in c.mentions if not m.weak] or c.mentions
    best = max(strong, key=lambda m: (m.end - m.start, len(mention_text(doc, m))))
    return SPACES.sub(" ", mention_text(doc, best))


def label_vote(c: Chain) -> str:
    """Return the label most of the chain's mentions carry (a dateline or a full name weighs more)."""
    votes: dict[str, int] = {}
    for m in c.mentions:
        if m.label:
            weight = 3 if m.source == "dateline" else 2 if m.label == "PERSON" and m.end - m.start >= 2 else 1
            votes[m.label] = votes.get(m.label, 0) + weight
    if not votes:
        return "ORG"
    best = max(votes.values())
    # among the labels with the most votes, that of the longest mention (the first of the longest)
    label, longest = "", 0
    for m in c.mentions:
        if m.label and votes[m.label] == best and (not label or m.end - m.start > longest):
            label, longest = m.label, m.end - m.start
    return label
