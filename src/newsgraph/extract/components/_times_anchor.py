"""The reference date of an article without a publication date, read from its lede.

HeidelTime's narrative mode resolves relative expressions against the text's own explicit dates
instead of a document date. A news story opens with what it reports, and when its first sentence
tells that in the past tense with a full date ("The World Health Organization reported on
February 15, 2006 that polio had been eradicated", "The 20th annual World AIDS Day was December 1,
2007"), the story was written on that day or just after: that day is its reference date. Only a
fully specified date counts (day, month and a four-digit year written out); a date ahead or a
bound is no day of the story ("bonds due June 30, 1990", "products made after January 1, 2007",
"from August 2006 till September 9, 2007"). A date later in the article is not taken: it is as
often a date of the story's background ("On June 2, 2000, a serious accident …", "the swan was
discovered March 29, 2006" in a story of April 6) as of its news. A day, month or weekday
without its year would be a guess.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from newsgraph.extract.components._times_tense import TenseReader, preposition
from newsgraph.extract.components._times_values import Hit, Normalizer


@dataclass(frozen=True, slots=True)
class Anchor:
    """The reference date of an undated article and the expression it was read from."""

    day: date
    hit: Hit


class AnchorReader:
    """Find the reference date of an undated article among its time expressions.

    Args:
        bounds: prepositions and words that make a date a bound or a term, not a day of the
            story ("after", "until", "due"; `anchor_bounds` in `timex_rules.json`).
    """

    def __init__(self, tense: TenseReader, normalizer: Normalizer, bounds: set[str]) -> None:
        """Keep the tense reader, the normalizer and the bound words."""
        self._tense = tense
        self._normalizer = normalizer
        self._bounds = bounds

    def anchor(self, doc: Doc, token_starts: list[int], hits: Sequence[Hit]) -> Anchor | None:
        """Return the latest full date the lede tells in the past, or None when it tells none."""
        lede_end = _lede_end(doc)
        best: Anchor | None = None
        for hit in hits:
            if hit.start >= lede_end:
                break
            day = self._full_date(hit)
            if day is None or (best is not None and day <= best.day):
                continue
            if self._tense.tense(doc, token_starts, hit.start) != "past":
                continue
            if self._bound(doc, token_starts, hit.start):
                continue
            best = Anchor(day, hit)
        return best

    def _bound(self, doc: Doc, token_starts: list[int], char: int) -> bool:
        """Tell whether the date at `char` is a bound or a term: the word before it or the
        preposition it hangs on is a bound word ("made after January 1, 2007", "due June 30")."""
        i = max(0, bisect.bisect_right(token_starts, char) - 1)
        prep = preposition(doc[i])
        before = doc[i - 1].lower_ if i > 0 else ""
        return before in self._bounds or (prep is not None and prep.lower_ in self._bounds)

    def _full_date(self, hit: Hit) -> date | None:
        """Return the day of a fully specified date ("February 15, 2006", "2006-02-15"), or None."""
        if hit.rule.norm != "month_day_year" or len(hit.groups.get("year", "")) != 4:
            return None
        try:
            value, _, _ = self._normalizer.norms[hit.rule.norm](hit, None, None)
        except (ValueError, KeyError):
            return None
        return date.fromisoformat(value) if value else None


def _lede_end(doc: Doc) -> int:
    """Return where the lede ends: the first sentence with a verb (not a dateline or a heading)."""
    if not doc.has_annotation("SENT_START"):
        return 0
    for sent in doc.sents:
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            return sent.end_char
    return 0
