"""The state of one quote being built (`Draft`) and the offsets of one doc (`Context`).

Every stage of the quotes component works on these: token and character offsets, sentences,
paragraphs (a line of the text) and the quotations in marks, precomputed once per doc so that
each look-up is a bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components.quotes.marks import Region
from newsgraph.extract.extensions import doc_text
from newsgraph.models import Entity, MentionKind

WORD_RE = re.compile(r"\w+")
Construction = Literal["finite", "inf", "np", "other"]


@dataclass(slots=True)
class Draft:
    """A quote being built: content pieces, cue and speaker mention (token offsets)."""

    frags: list[tuple[int, int]]
    cue: Token | None
    cue_lemma: str | None
    speaker: tuple[int, int] | None = None  # token range of the speaker's mention in this frame
    speaker_kind: MentionKind | Literal["relative"] | None = None
    antecedent: int | None = None  # token of the noun a relative pronoun speaker stands for
    speaker_label: str | None = None  # spaCy label of a named speaker
    entity: Entity | None = None
    regions: list[int] = field(default_factory=list)
    para: int = 0
    carried_from: Draft | None = None
    # the content's construction: "finite" (a clause with its own subject: "that he would …"),
    # "inf" ("to expand …"), "np" (a noun phrase: "a ceasefire"), "other" (a gerund, …)
    content: Construction = "other"
    unnamed_source: bool = False  # an agentless passive cue: reported, but by no one named

    @property
    def start(self) -> int:
        return min(s for s, _ in self.frags)

    @property
    def end(self) -> int:
        return max(e for _, e in self.frags)


class Context:
    """Offsets of one doc, precomputed once: tokens, sentences, paragraphs, quotations."""

    def __init__(self, doc: Doc, regions: list[Region], min_words: int) -> None:
        text = doc_text(doc)
        self.doc = doc
        self.text = text
        self.regions = regions
        # the tokens' offsets in one array read: iterating the doc builds a Token object for each
        self.tok_starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        self.sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.para_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.sent_tokens = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.ents = list(doc.ents)
        self._ent_starts = [e.start for e in self.ents]
        self.region_starts = [r.start for r in regions]
        self.region_ends = [r.end for r in regions]
        self._inside = [(r.inner_start, r.inner_end) for r in regions]
        self._para_words: dict[int, tuple[int, int]] = {}
        # a cue coordinated with another cue's content -> that other cue (same speaker)
        self.coordinated: dict[int, Token] = {}
        self.speech = [
            i
            for i, r in enumerate(regions)
            if len(WORD_RE.findall(text, r.inner_start, r.inner_end)) >= min_words
        ]

    def para_of(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def sentence_of(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def tokens_in(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self.tok_starts, start), bisect_left(self.tok_starts, end)

    def para_bounds_tokens(self, para: int) -> tuple[int, int]:
        lo = self.para_starts[para]
        hi = self.para_starts[para + 1] if para + 1 < len(self.para_starts) else len(self.text)
        return self.tokens_in(lo, hi)

    def sentence_tokens(self, i: int) -> tuple[int, int]:
        """The token range of the sentence holding token `i`."""
        k = max(0, bisect_right(self.sent_tokens, i) - 1)
        end = self.sent_tokens[k + 1] if k + 1 < len(self.sent_tokens) else len(self.doc)
        return self.sent_tokens[k], end

    def ents_in(self, lo: int, hi: int) -> list[Span]:
        """The named entities (spaCy's) lying within tokens [lo, hi)."""
        k = bisect_left(self._ent_starts, lo)
        out = []
        while k < len(self.ents) and self.ents[k].start < hi:
            if self.ents[k].end <= hi:
                out.append(self.ents[k])
            k += 1
        return out

    def persons_before(self, i: int, limit: int = 50) -> list[Span]:
        """The PERSON names ending before token `i`, nearest first (at most `limit` names looked at)."""
        k = bisect_left(self._ent_starts, i) - 1
        out: list[Span] = []
        while k >= 0 and len(out) < limit and i - self.ents[k].end < 2000:
            ent = self.ents[k]
            if ent.label_ == "PERSON" and ent.end <= i:
                out.append(ent)
            k -= 1
        return out

    def mostly_quoted(self, start: int, end: int) -> bool:
        """Whether one quotation holds at least 60% of the characters [start, end)."""
        for ri in self.regions_overlapping(start, end):
            r = self.regions[ri]
            if max(0, min(end, r.inner_end) - max(start, r.inner_start)) >= 0.6 * (end - start):
                return True
        return False

    def in_quote(self, char: int) -> bool:
        return self.region_at(char) is not None

    def region_at(self, char: int) -> int | None:
        i = bisect_right(self.region_starts, char) - 1
        if i >= 0 and self.regions[i].start <= char < self.regions[i].end:
            return i
        return None

    def regions_overlapping(self, start: int, end: int) -> range:
        lo = bisect_right(self.region_ends, start)
        hi = bisect_left(self.region_starts, end)
        return range(lo, max(lo, hi))

    def next_region_start(self, ri: int) -> int | None:
        """Where the next quotation long enough to be speech starts (titles are skipped)."""
        k = bisect_right(self.speech, ri)
        return self.regions[self.speech[k]].start if k < len(self.speech) else None

    def prev_region(self, ri: int) -> Region | None:
        """The previous quotation long enough to be speech."""
        k = bisect_left(self.speech, ri) - 1
        return self.regions[self.speech[k]] if k >= 0 else None

    def paragraph_is_quote(self, ri: int) -> bool:
        """Whether the quotation's paragraph holds no word outside it (constant time once cached)."""
        r = self.regions[ri]
        first, last = self._word_bounds(r.para)
        return first >= r.start and last <= r.end

    def _word_bounds(self, para: int) -> tuple[int, int]:
        """Start of the first and end of the last word character of a paragraph (cached)."""
        bounds = self._para_words.get(para)
        if bounds is None:
            lo = self.para_starts[para]
            hi = self.para_starts[para + 1] if para + 1 < len(self.para_starts) else len(self.text)
            m = WORD_RE.search(self.text, lo, hi)
            if m is None:
                bounds = (hi, lo)
            else:
                end = hi
                while end > m.start() and not (self.text[end - 1].isalnum() or self.text[end - 1] == "_"):
                    end -= 1
                bounds = (m.start(), end)
            self._para_words[para] = bounds
        return bounds

    def kind(self, frags: list[tuple[int, int]]) -> Any:
        """'direct' when ≥ 95% of the content's letters and digits lie inside quotation marks."""
        total = inside = 0
        for s, e in frags:
            total += alnum(self.text, s, e)
            for ri in self.regions_overlapping(s, e):
                a, b = self._inside[ri]
                a, b = max(a, s), min(b, e)
                if b > a and not self.regions[ri].single:
                    inside += alnum(self.text, a, b)
        if total == 0 or inside == 0:
            return "indirect"
        return "direct" if inside >= 0.95 * total else "mixed"


def alnum(text: str, s: int, e: int) -> int:
    return sum(len(w) - w.count("_") for w in WORD_RE.findall(text, s, e))


def tok_end(tok: Token) -> int:
    """The character offset one past the token."""
    return tok.idx + len(tok.text)
