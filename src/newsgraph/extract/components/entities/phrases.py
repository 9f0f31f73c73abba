"""Stage 2b: diseases and market indices, found by name from their lexicons.

Data: `diseases.json` (type DISEASE) and `market_indices.json` (type INDEX). A name is matched in
any case ("bird flu", "Bird Flu"), an acronym only as written ("H5N1", "DJIA"); a name that is
also a place, a person, a company or an exchange ("Marburg", "Nasdaq") only in its context (a
disease word or an index word after it, or, for an index, a sentence about the market's moves). A
strain and the disease it causes written together ("H5N1 bird flu") are one mention, and in an
article that names both they are one entity. A match replaces the spaCy spans it covers
("H5N1 Avian Flu" tagged PERSON) but not a longer name that holds it ("Global Polio Eradication
Initiative").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans
from spacy.vocab import Vocab

from newsgraph.extract.components.entities.spans import NameMention, joined_to_other_name
from newsgraph.extract.lexicons import load_json

_KINDS = ("name", "acronym", "context")
_MOVE_WINDOW = 8
"""Words after an index's context name within which a word of the market's moves must come."""


@dataclass(frozen=True, slots=True)
class PhraseEntry:
    """A disease or a market index."""

    key: str
    """Knowledge-base key (`disease:avian-influenza`, `index:sp-500`), set as `Entity.kb`."""
    name: str
    type: str
    part_of: str | None = None
    """For a strain or a species: the key of the disease it causes."""


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    entry: PhraseEntry
    context: bool


@dataclass(frozen=True, slots=True)
class PhraseWords:
    """The words that tell a context name's meaning."""

    disease: frozenset[str]
    index: frozenset[str]
    movement: frozenset[str]
    listing: frozenset[str]


@cache
def phrase_data() -> tuple[dict[str, PhraseEntry], list[tuple[PhraseEntry, str, str]], PhraseWords]:
    """Read both lexicons: entries by key, (entry, kind, form) rows, and the context words."""
    diseases, indices = load_json("diseases.json"), load_json("market_indices.json")
    entries: dict[str, PhraseEntry] = {}
    rows: list[tuple[PhraseEntry, str, str]] = []
    for type_, items in (("DISEASE", diseases["diseases"]), ("INDEX", indices["indices"])):
        for item in items:
            entry = PhraseEntry(item["key"], item["name"], type_, item.get("part_of"))
            entries[entry.key] = entry
            rows += _rows(entry, item)
    words = PhraseWords(
        disease=frozenset(diseases["disease_words"]),
        index=frozenset(indices["index_words"]),
        movement=frozenset(indices["movement_words"]),
        listing=frozenset(indices["listing_words"]),
    )
    return entries, rows, words


def _rows(entry: PhraseEntry, item: dict[str, Any]) -> list[tuple[PhraseEntry, str, str]]:
    """Return the (entry, kind, form) rows of one lexicon item."""
    out = [(entry, "name", form) for form in item.get("names", [])]
    out += [(entry, "acronym", form) for form in item.get("acronyms", [])]
    out += [(entry, "context", form) for form in item.get("context_names", [])]
    return out


class PhraseFinder:
    """Find diseases and market indices in a doc (matchers built once per pipeline)."""

    def __init__(self, vocab: Vocab, make_doc: Any) -> None:
        self.entries, rows, self.words = phrase_data()
        self.matchers = {
            "name": PhraseMatcher(vocab, attr="LOWER"),
            "acronym": PhraseMatcher(vocab, attr="ORTH"),
            "context": PhraseMatcher(vocab, attr="ORTH"),
        }
        for kind in _KINDS:
            by_key: dict[str, list[Doc]] = {}
            for entry, k, form in rows:
                if k == kind:
                    by_key.setdefault(entry.key, []).append(make_doc(form))
            for key, docs in by_key.items():
                self.matchers[kind].add(key, docs)

    def find(self, doc: Doc) -> list[NameMention]:
        """Return the disease and index mentions of a doc, in text order."""
        found: list[_Match] = []
        for kind in _KINDS:
            for match_id, start, end in self.matchers[kind](doc):
                if not _before_like(doc, end):
                    entry = self.entries[doc.vocab.strings[match_id]]
                    found.append(_Match(start, end, entry, kind == "context"))
        found = [m for m in self._longest(doc, found) if not _inside_name(doc, m)]
        named = {m.entry.key for m in found if not m.context}
        found = [
            m
            for m in found
            if not m.context or (m.entry.key in named and not _placed(doc, m)) or self._in_context(doc, m)
        ]
        found = _join_strains(doc, found)
        present = {m.entry.key for m in found}
        out = []
        for m in found:
            entry = m.entry
            if entry.part_of in present:
                entry = self.entries[entry.part_of]  # "H5N1" in an article about bird flu
            out.append(NameMention(m.start, m.end, entry.type, "lexicon", kb=entry.key))
        return out

    @staticmethod
    def _longest(doc: Doc, found: list[_Match]) -> list[_Match]:
        """Keep the longest of overlapping matches."""
        by_span = {(m.start, m.end): m for m in found}
        spans = filter_spans([doc[m.start : m.end] for m in by_span.values()])
        return sorted((by_span[(s.start, s.end)] for s in spans), key=lambda m: m.start)

    def _in_context(self, doc: Doc, m: _Match) -> bool:
        """Whether a context name ("Marburg", "Nasdaq") means the disease or the index here.

        A disease: a disease word follows ("Marburg virus", "Zika outbreak"). An index: an index
        word or a number follows ("Nikkei average", "FTSE 100"), or within eight words a word of
        the market's moves ("the Nasdaq fell 2 percent"), and it is no listing's place ("listed on
        the Nasdaq") nor part of a longer name ("Hang Seng Bank").
        """
        after = doc[m.end].lower_ if m.end < len(doc) else ""
        if m.entry.type == "DISEASE":
            return after in self.words.disease
        if joined_to_other_name(doc, m.start, m.end):
            return False
        if after in self.words.index or after.isdigit():
            return True
        if {t.lower_ for t in doc[max(0, m.start - 3) : m.start]} & self.words.listing:
            return False
        return any(t.lower_ in self.words.movement for t in doc[m.end : m.end + _MOVE_WINDOW])


def _placed(doc: Doc, m: _Match) -> bool:
    """Whether a context name follows a word of place ("in Marburg"): the place, not the disease."""
    return m.start > 0 and doc[m.start - 1].lower_ in {"in", "at", "near", "from", "to"}


def _inside_name(doc: Doc, m: _Match) -> bool:
    """Whether a match sits between two capitalised words of a longer name ("World AIDS Campaign")."""
    if m.start == 0 or m.end >= len(doc):
        return False
    before, after = doc[m.start - 1], doc[m.end]
    one_line = "\n" not in before.whitespace_ and "\n" not in doc[m.end - 1].whitespace_
    return one_line and before.is_title and after.is_title and not before.is_sent_start


def _adjectives(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens are adjectives before a name spaCy took into it ("Brazilian" Bovespa)."""
    return all(t.pos_ == "ADJ" or t.tag_ in {"JJ", "NNP"} or t.lower_ in {"the", "a"} for t in doc[start:end])


def _before_like(doc: Doc, end: int) -> bool:
    """Whether a match is the first part of an "-like" adjective ("flu-like symptoms")."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "like"


def _join_strains(doc: Doc, found: list[_Match]) -> list[_Match]:
    """Make a strain written beside its disease one mention ("H5N1 bird flu", "bird flu H5N1")."""
    out: list[_Match] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.end == m.start and "\n" not in doc[prev.end - 1].whitespace_:
            if prev.entry.part_of == m.entry.key:
                out[-1] = _Match(prev.start, m.end, m.entry, False)
                continue
            if m.entry.part_of == prev.entry.key:
                out[-1] = _Match(prev.start, m.end, prev.entry, False)
                continue
        out.append(m)
    return out


def add_phrase_names(doc: Doc, finder: PhraseFinder, mentions: list[NameMention]) -> list[NameMention]:
    """Add the diseases and indices, in place of the spaCy spans they cover.

    A spaCy span that holds more than the match ("Global Polio Eradication Initiative") keeps the
    place and the match is dropped, unless it adds only adjectives before it ("Brazilian Bovespa").
    """
    found = finder.find(doc)
    if not found:
        return mentions
    kept = list(mentions)
    added = []
    for p in found:
        over = [m for m in kept if m.start < p.end and p.start < m.end]
        if any(m.end > p.end or (m.start < p.start and not _adjectives(doc, m.start, p.start)) for m in over):
            continue
        kept = [m for m in kept if m not in over]
        added.append(p)
    return sorted(kept + added, key=lambda m: m.start)
