"""The search syntax matched in Python against one text, as the SQLite full-text index would.

    query = TextQuery.parse('settlement "peace talks" -Kabul')
    query.matches(Terms.of("Negotiators resumed peace talks on a settlement."))   # True

A watch cannot run its query against the store for every new article (the cost would grow with
the store and with the watches), so full-text watches match the new article's own text here.
Tokens are what FTS5's `porter unicode61 remove_diacritics 2` tokenizer makes: runs of letters
and digits, lower-cased, accents folded, reduced by the Porter stemmer ("talks" → "talk"). The
syntax is `store.fulltext`'s: words (all must match), "quoted phrases" (consecutive words),
`OR` between two terms, `-word` or `-"a phrase"` to exclude, `word*` for a prefix.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import Stemmer

from newsgraph.errors import InputError

_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
"""Combining marks: what is left of an accent once a letter is decomposed (NFKD)."""
_STEMMER = Stemmer.Stemmer("porter")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return the Porter stem of one lower-cased, accent-folded word (the word when it has none)."""
    return str(_STEMMER.stemWord(word)) or word


def fold(text: str) -> str:
    """Lower-case and strip accents ("Café" → "cafe"), as the full-text index does."""
    text = text.lower()
    if text.isascii():
        return text
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


def words(text: str) -> list[str]:
    """Return the stems of a text's words, in order."""
    return [stem(w) for w in _WORD.findall(fold(text))]


class Terms:
    """A text's words in order (stemmed, and as written for prefixes); where each stem occurs is
    worked out on the first phrase that needs it."""

    __slots__ = ("_at", "raw", "stems", "vocabulary")

    def __init__(self, stems: list[str], raw: list[str]) -> None:
        self.stems = stems
        self.raw = raw
        self.vocabulary = set(stems)
        self.vocabulary.discard("")
        self._at: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, *texts: str | None) -> Terms:
        """Index the words of the texts (kept apart: a phrase never spans two of them)."""
        raw: list[str] = []
        for text in texts:
            if text:
                raw.extend(_WORD.findall(fold(text)))
                raw.append("")  # a break no phrase crosses
        return cls([stem(w) if w else "" for w in raw], raw)

    def positions(self, stem_: str) -> list[int]:
        """Where a stem occurs (found on first asking)."""
        if self._at is None:
            self._at = {}
        found = self._at.get(stem_)
        if found is None:
            found = self._at[stem_] = [i for i, s in enumerate(self.stems) if s == stem_]
        return found

    def has(self, phrase: Phrase) -> bool:
        """Return True when the phrase occurs: its stems in a row, a prefix on its last word."""
        if not phrase.prefix and len(phrase.stems) == 1:
            return phrase.stems[0] in self.vocabulary
        if phrase.prefix and len(phrase.stems) == 1:
            return any(w.startswith(phrase.stems[0]) for w in self.raw if w)
        whole = list(phrase.stems[:-1] if phrase.prefix else phrase.stems)
        if whole[0] not in self.vocabulary:
            return False
        n = len(phrase.stems)
        for i in self.positions(whole[0]):
            if self.stems[i : i + len(whole)] != whole or i + n > len(self.stems):
                continue
            if not phrase.prefix or self.raw[i + n - 1].startswith(phrase.stems[-1]):
                return True
        return False


@dataclass(frozen=True, slots=True)
class Phrase:
    """One term of a query: a word or a quoted phrase, as stems; for `word*` (`prefix`) the last
    one is the prefix as written (folded), matched against the words as written."""

    stems: tuple[str, ...]
    prefix: bool = False

    @property
    def anchor(self) -> str | None:
        """The stem an index can look this term up by: its longest whole stem (None for `word*`)."""
        whole = self.stems[:-1] if self.prefix else self.stems
        return max(whole, key=len) if whole else None


@dataclass(frozen=True, slots=True)
class TextQuery:
    """A parsed query: every group must match (one of its phrases), no excluded phrase may."""

    groups: tuple[tuple[Phrase, ...], ...]
    excluded: tuple[Phrase, ...] = ()

    @classmethod
    def parse(cls, query: str) -> TextQuery:
        """Parse the search syntax.

        Raises:
            InputError: nothing to search for (only exclusions or punctuation).
        """
        groups: list[list[Phrase]] = []
        excluded: list[Phrase] = []
        pending_or = False
        for m in _TOKEN.finditer(query):
            negative, quoted, word = m.group(1), m.group(2), m.group(3)
            if word == "OR":
                pending_or = bool(groups)
                continue
            if word is not None:
                negative = "-" if word.startswith("-") and len(word) > 1 else ""
                word = word[1:] if negative else word
                phrase = _phrase(word, prefix=word.endswith("*"))
            else:
                phrase = _phrase(quoted or "", prefix=False)
            if phrase is None:
                continue
            if negative:
                excluded.append(phrase)
            elif pending_or:
                groups[-1].append(phrase)
                pending_or = False
            else:
                groups.append([phrase])
        if not groups:
            raise InputError(f"nothing to search for in {query!r}")
        return cls(tuple(tuple(g) for g in groups), tuple(excluded))

    def matches(self, terms: Terms) -> bool:
        """Return True when the text with these terms matches the query."""
        return all(any(terms.has(p) for p in group) for group in self.groups) and not any(
            terms.has(p) for p in self.excluded
        )

    def anchors(self) -> list[str]:
        """Stems such that every matching text holds one of them (the index keys of the query).

        The group whose rarest-looking (longest) anchor is longest: all of its alternatives.

        Raises:
            InputError: every group has a prefix-only alternative, which no stem can stand for.
        """
        best: list[str] | None = None
        for group in self.groups:
            found = [p.anchor for p in group]
            if any(a is None for a in found):
                continue
            stems = sorted({a for a in found if a is not None})
            if best is None or min(map(len, stems)) > min(map(len, best)):
                best = stems
        if best is None:
            raise InputError("a watched query needs a whole word outside `word*` terms")
        return best


@functools.lru_cache(maxsize=50_000)
def parse_text(query: str) -> TextQuery:
    """Return `TextQuery.parse(query)`, kept for the next article that needs it."""
    return TextQuery.parse(query)


def _phrase(text: str, *, prefix: bool) -> Phrase | None:
    raw = _WORD.findall(fold(text))
    if not raw:
        return None
    stems = tuple(stem(w) for w in raw)
    return Phrase((*stems[:-1], raw[-1]), True) if prefix else Phrase(stems)


@functools.lru_cache(maxsize=20_000)
def unit_key(unit: str) -> str:
    """Return the normalized form of a unit or counted noun ("Prisoners" → "prison")."""
    return " ".join(words(unit))
