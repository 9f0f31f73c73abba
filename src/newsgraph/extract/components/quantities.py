"""The quantities component: how many, of what, and who says so.

Finds cardinal numbers in digits and words, vague plurals ("thousands"), fractions ("roughly
half"), percentages, money with its currency and measures with their unit, and reads for each
its value (ranges as low/high), its unit or the noun it counts (singular), whether it is
approximate, the base of a proportion ("half of the nation's 400 districts") and, when it sits
inside a quote, the quote's speaker as claimant.

Numbers that are not quantities are left out: dates, clock times, years, decades, ordinals,
scores and numbers that are part of a name ("Boeing 737", "COVID-19", "G7", "Interstate 95").

The search is a few regular expressions over `doc.text` built once from the lexicons
`units.json` and `number_words.json` (`_quantities_lexicon`); the parse is consulted only
around each number found. The readers: `_quantities_digits` and `_quantities_words` find the
candidates, `_quantities_units` reads scale, unit, rate and range, `_quantities_nouns` the
counted noun and the base; `_quantities_names` drops a number that begins a name written after
it ("the 787 Dreamliner will").
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.extract.components._quantities_digits import DigitReader
from newsgraph.extract.components._quantities_lexicon import Found, claim
from newsgraph.extract.components._quantities_names import begins_name
from newsgraph.extract.components._quantities_words import WordReader
from newsgraph.extract.extensions import doc_text, get_quantities, get_quotes, set_extensions
from newsgraph.extract.spans import write_spans
from newsgraph.models import Quantity, Quote

LOGGER = logging.getLogger(__name__)

_PHONE = re.compile(r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}")


class Quantities(DigitReader, WordReader):
    """Find quantities. Reads `doc.text`, tokens, sentences, `doc.ents` and the doc's quotes.

    Writes `doc._.newsgraph_quantities` (a list of `Quantity`).
    """

    def __call__(self, doc: Doc) -> Doc:
        """Find the doc's quantities and append them to `doc._.newsgraph_quantities`."""
        text = doc_text(doc)
        found = self._find(doc, text)
        out = get_quantities(doc)
        quotes = get_quotes(doc)
        sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        for f in found:
            quote = _quote_at(quotes, f.start, f.end)
            out.append(
                Quantity(
                    start=f.start,
                    end=f.end,
                    text=text[f.start : f.end],
                    value=f.value,
                    low=f.low,
                    high=f.high,
                    approximate=f.approximate,
                    unit=f.unit,
                    kind=f.kind,
                    currency=f.currency,
                    base=f.base,
                    claimant=quote.speaker if quote is not None else None,
                    quote=quote.id if quote is not None else None,
                    sentence=max(0, bisect.bisect_right(sent_starts, f.start) - 1),
                )
            )
        return write_spans(doc, "newsgraph_quantities")

    # ------------------------------------------------------------------ search

    def _find(self, doc: Doc, text: str) -> list[Found]:
        token_starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in _PHONE.finditer(text)]
        taken.sort()
        found: list[Found] = []

        def token_at(char: int) -> Token | None:
            if not len(doc):
                return None
            i = bisect.bisect_right(token_starts, char) - 1
            return doc[max(0, i)]

        candidates: list[Found] = []
        candidates.extend(self._fraction_candidates(doc, text, token_at))
        candidates.extend(self._vague_candidates(doc, text, token_at))
        candidates.extend(self._unit_and_fraction_candidates(doc, text, token_at))
        candidates.extend(self._digit_candidates(doc, text, token_at))
        candidates.extend(self._word_candidates(doc, text, token_at))
        candidates.sort(key=lambda c: (c.start, -(c.end - c.start)))
        for cand in candidates:
            if begins_name(doc, text, cand, token_at):
                continue  # "the 787 Dreamliner will", "2 Timothy": the first word of a name
            if claim(taken, cand.start, cand.end):
                found.append(cand)
        found.sort(key=lambda c: c.start)
        for i, cand in enumerate(found):
            # the span takes in the counted noun when no other quantity sits in between
            limit = found[i + 1].start if i + 1 < len(found) else len(text)
            if cand.end < cand.noun_end <= limit:
                cand.end = cand.noun_end
        _share_suspended_units(text, found)
        self._inherit_units(doc, text, found)
        return found

    def _inherit_units(self, doc: Doc, text: str, found: list[Found]) -> None:
        """Give a bare number the unit of the quantity it parallels in the sentence.

        A number joined by "and" / "or" to the next one takes that one's unit, written once for
        both ("rose 166.5 and 93.3%"). Else the nearest earlier one: "435 homes by open sale and
        187 by tender" -> 187 homes; "84.75 cents, while the lowest is 74.07" -> 74.07 cents.
        Percentages, durations and the noun a tally counts are not inherited ("rose 0.7 percent to
        6,327.80", "its lowest level in five years at 8,579", "the death toll stands at 23,000, and
        4 million are homeless"), except by the tally's other value ("grew from 5 million to 15
        million").
        """
        if not doc.has_annotation("SENT_START"):
            return
        sent_starts = [s.start_char for s in doc.sents]
        for i, cand in enumerate(found):
            if cand.unit is not None or cand.kind != "count":
                continue
            nxt = found[i + 1] if i + 1 < len(found) else None
            if (
                nxt is not None
                and nxt.unit not in (None, "fraction")
                and _COORDINATED.fullmatch(text, cand.end, nxt.start)
            ):
                # "rose 166.5 and 93.3%", "holding 500 and 1,000 songs", "eight or nine euros": the
                # unit is written once, last
                cand.unit, cand.kind, cand.currency = nxt.unit, nxt.kind, nxt.currency
                continue
            if cand.words:
                continue
            sent = bisect.bisect_right(sent_starts, cand.start)
            for prev in reversed(found[:i]):
                if bisect.bisect_right(sent_starts, prev.start) != sent or cand.start - prev.end > 120:
                    break
                if prev.kind == "percent" or prev.unit in (None, "fraction") or prev.unit in self._time_units:
                    continue  # a duration says how long, not what a later number counts
                if prev.tallied and not _FROM_TO.fullmatch(text, prev.end, cand.start):
                    continue  # "the death toll, which stands at 23,000, … the 4 million who": not deaths
                if prev.kind == "measure" and prev.unit == "year of age":
                    break
                cand.unit, cand.kind, cand.currency = prev.unit, prev.kind, prev.currency
                rate = self._rate.match(text[cand.end : cand.end + 40])
                if rate and prev.unit is not None and " per " not in prev.unit:  # "an average of 20 per week"
                    cand.unit = f"{prev.unit} per {self._denominator(rate.group(1))}"
                    cand.end += rate.end()
                break


_SUSPENDED = re.compile(r"-,?\s+(?:(?:and|or|to)\s+)?")
_COORDINATED = re.compile(r"\s+(?:and|or)\s+")
_FROM_TO = re.compile(r"\s+(?:to|from)\s+")  # "the number … grew from 5 million to 15 million"


def _share_suspended_units(text: str, found: list[Found]) -> None:
    """Give "four-" and "five-" of "four-, five- and six-cylinder engines" the last one's unit.

    A hyphen left hanging before the next number of a list holds the unit that number carries
    ("two- or three-week period": two weeks).
    """
    for cand, nxt in reversed(list(itertools.pairwise(found))):
        if nxt.unit is not None and _SUSPENDED.fullmatch(text, cand.end, nxt.start) and not cand.has_unit:
            cand.unit, cand.kind, cand.currency, cand.has_unit = nxt.unit, nxt.kind, nxt.currency, True


def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """Return the innermost quote whose content (or one of its fragments) contains [start, end)."""
    best: Quote | None = None
    best_size = 0
    for quote in quotes:
        pieces = [(quote.start, quote.end)] + [(p.start, p.end) for p in quote.fragments or []]
        for piece_start, piece_end in pieces:
            if piece_start <= start and end <= piece_end:
                size = piece_end - piece_start
                if best is None or size < best_size:
                    best, best_size = quote, size
    return best


@Language.factory(
    "newsgraph_quantities",
    assigns=["doc._.newsgraph_quantities"],
    requires=["doc.sents", "token.pos", "token.dep", "token.lemma", "doc.ents"],
    default_config={},
)
def make_quantities(nlp: Language, name: str) -> Quantities:
    """Create the quantities component (`newsgraph_quantities`)."""
    set_extensions()
    return Quantities()
