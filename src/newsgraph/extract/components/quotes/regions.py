"""Direct and mixed quotes: fold the quotations in marks into the quotes found so far.

A quotation inside an indirect quote's content makes it mixed; a content clause that lies inside
one quotation becomes that quotation. Every other quotation is attributed to the cue it hangs on
(a quotation split around its cue is one quote with fragments), to a colon introduction ("X
stated: “…”", "Pew Research: “…”"), continues the speaker of the quotation just before it when
its paragraph holds nothing else, or stays an unattributed quote when it reads as speech. Short
quoted phrases with no cue (scare quotes, titles) are not quotes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.quotes.context import WORD_RE, Context, Draft
from newsgraph.extract.components.quotes.cues import colon_introducer, introducing_verb, region_cue
from newsgraph.extract.components.quotes.lexicon import QuoteLexicon
from newsgraph.extract.components.quotes.marks import Region
from newsgraph.extract.components.quotes.speakers import set_speaker, speaker_from_token

_CARRY_PARAGRAPHS = 4  # a quote-only paragraph continues a speaker this many paragraphs back at most


class RegionFolder:
    """One pass over a doc's quotations, adding to `quotes` and `by_cue` in place."""

    def __init__(
        self,
        lex: QuoteLexicon,
        doc: Doc,
        ctx: Context,
        quotes: list[Draft],
        by_cue: dict[int, Draft],
    ) -> None:
        """Hold the doc's quotes so far and the cue of each clause quote."""
        self.lex = lex
        self.doc = doc
        self.ctx = ctx
        self.quotes = quotes
        self.by_cue = by_cue
        self.covered: dict[int, Draft] = {}  # region index -> the quote holding it
        self.direct_by_cue: dict[int, Draft] = {}
        self.last_direct: Draft | None = None

    def fold(self, cue_ids: set[int], speech_ids: set[int]) -> None:
        """Absorb, extend, attribute or drop each quotation, in text order."""
        self._absorb()
        for q in self.quotes:
            if q.cue is not None and q.regions and len(q.frags) == 1:
                self.direct_by_cue[q.cue.i] = q
        for ri, r in enumerate(self.ctx.regions):
            if ri in self.covered:
                q0 = self.covered[ri]
                if len(q0.regions) == 1 and q0.frags == [(r.inner_start, r.inner_end)]:
                    self.last_direct = q0
                continue
            if self._continue_owner(ri, r):
                continue
            words = len(WORD_RE.findall(self.ctx.text, r.inner_start, r.inner_end))
            if words < self.lex.min_words:
                # a scare quote, a title or a quoted word — unless a speech verb introduces it
                # ("the crowd chanted, “Lock her up!”", "he yelled “You lie!”")
                if not words:
                    continue
                cue = introducing_verb(self.doc, self.ctx, r, speech_ids)
            else:
                cue = region_cue(self.doc, self.ctx, ri, cue_ids, speech_ids)
            if cue is not None:
                self._attribute(ri, r, cue)
            elif not self._introduced(ri, r, words, speech_ids):
                self._unattributed(ri, r, words)

    def _absorb(self) -> None:
        """Quotations inside a clause quote's content: the whole content, or parts of it."""
        ctx = self.ctx
        for q in self.quotes:
            s, e = q.frags[0]
            for ri in ctx.regions_overlapping(s, e):
                r = ctx.regions[ri]
                inner = max(0, min(e, r.inner_end) - max(s, r.inner_start))
                if inner >= 0.6 * (e - s):
                    q.frags = [(r.inner_start, r.inner_end)]
                    q.regions = [ri]
                    self.covered[ri] = q
                    break
                if r.inner_start >= s and r.inner_end <= e + (0 if r.closed else 1):  # marks may lie outside
                    self.covered.setdefault(ri, q)
                    q.regions.append(ri)

    def _continue_owner(self, ri: int, r: Region) -> bool:
        """A quotation continuing one over several paragraphs joins its quote."""
        if r.continues is None or r.continues not in self.covered:
            return False
        owner = self.covered[r.continues]
        if not owner.frags or owner.frags[-1][1] > r.start:
            return False
        owner.frags.append((r.inner_start, r.inner_end))
        owner.regions.append(ri)
        self.covered[ri] = owner
        return True

    def _add(self, ri: int, r: Region, q: Draft) -> None:
        q.regions = [ri]
        q.para = r.para
        self.quotes.append(q)
        self.covered[ri] = q
        self.last_direct = q

    def _attribute(self, ri: int, r: Region, cue: Token) -> None:
        """A quotation with a cue: another fragment of that cue's quote, or a new quote."""
        joined = self.direct_by_cue.get(cue.i) or self.by_cue.get(cue.i)
        if joined is not None and joined.para == r.para and joined.regions:
            joined.frags.append((r.inner_start, r.inner_end))
            joined.frags.sort()
            joined.regions.append(ri)
            self.covered[ri] = joined
            self.last_direct = joined
            return
        q = Draft(frags=[(r.inner_start, r.inner_end)], cue=cue, cue_lemma=cue.lemma_.lower())
        q.para = r.para
        set_speaker(self.lex, self.doc, q, cue, self.ctx)
        self._add(ri, r, q)
        self.by_cue.setdefault(cue.i, q)
        self.direct_by_cue[cue.i] = q

    def _introduced(self, ri: int, r: Region, words: int, speech_ids: set[int]) -> bool:
        """A quotation after a colon: the introducing sentence's speech verb, or the noun before it."""
        intro = colon_introducer(self.doc, self.ctx, r, speech_ids) if words >= self.lex.min_words else None
        if intro is None:
            return False
        cue_tok, head = intro
        q = Draft(frags=[(r.inner_start, r.inner_end)], cue=cue_tok, cue_lemma=None)
        q.para = r.para
        if cue_tok is not None:
            q.cue_lemma = cue_tok.lemma_.lower()
            set_speaker(self.lex, self.doc, q, cue_tok, self.ctx)
        elif head is not None:
            speaker_from_token(self.doc, self.ctx, q, head)
        self._add(ri, r, q)
        return True

    def _unattributed(self, ri: int, r: Region, words: int) -> None:
        """A quote-only paragraph continues the last speaker; other speech stays unattributed."""
        last = self.last_direct
        alone = self.ctx.paragraph_is_quote(ri)
        if (
            alone
            and last is not None
            and r.para - last.para <= _CARRY_PARAGRAPHS
            and words >= self.lex.min_words
        ):
            q = Draft(frags=[(r.inner_start, r.inner_end)], cue=None, cue_lemma=None)
            q.carried_from = last
            self._add(ri, r, q)
        elif not r.single and looks_like_speech(self.ctx.text, r, words):
            self._add(ri, r, Draft(frags=[(r.inner_start, r.inner_end)], cue=None, cue_lemma=None))


def looks_like_speech(text: str, r: Region, words: int) -> bool:
    """An unattributed quotation worth reporting: a clause, not a scare quote or a title."""
    if words < 6:
        return False
    inner = text[r.inner_start : r.inner_end]
    tokens = inner.split()
    capitalised = sum(1 for t in tokens if t[:1].isupper())
    return not (capitalised >= 0.7 * len(tokens) and not inner.rstrip().endswith((".", "?", "!", ",")))
