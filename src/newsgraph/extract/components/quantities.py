"""The quantities component: how many, of what, and who says so.

Finds cardinal numbers in digits and words, vague plurals ("thousands"), fractions ("roughly
half"), percentages, money with its currency and measures with their unit, and reads for each
its value (ranges as low/high), its unit or the noun it counts (singular), whether it is
approximate, the base of a proportion ("half of the nation's 400 districts") and, when it sits
inside a quote, the quote's speaker as claimant.

Numbers that are not quantities are left out: dates, clock times, years, decades, ordinals,
scores and numbers that are part of a name ("Boeing 737", "COVID-19", "G7", "Interstate 95").

The search is a few regular expressions over `doc.text` built once from the lexicons
`units.json` and `number_words.json`; the parse is consulted only around each number found.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, cast

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.extract.components._numbers import (
    number_lexicon,
    number_words_regex,
    parse_digits,
    parse_number_words,
)
from newsgraph.extract.extensions import doc_text, get_quantities, get_quotes, set_extensions
from newsgraph.extract.lexicons import load_json
from newsgraph.extract.spans import write_spans
from newsgraph.models import Quantity, Quote

LOGGER = logging.getLogger(__name__)

_TokenAt = Callable[[int], Token | None]
_Kind = Literal["count", "percent", "money", "measure", "fraction"]

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_DIGIT_RE = re.compile(rf"(?<![\d.,/:])(?<!\d\.)({_DIGITS})(?![\d,]\d)")
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:,|or|and|to|-|–)\s*)?$")
_MONTH_AFTER = re.compile(rf"^(?:\s*(?:-|–|to)\s*\d{{1,2}})?\s+{_MONTHS}(?![a-z])")
_CLOCK_AFTER = re.compile(r"^(?::\d\d|\s?(?:[ap]\.?m\b\.?|[AP]\.?M\b\.?|o'clock|GMT|UTC|[ECMP][SD]T\b|ET\b))")
_CLOCK_BEFORE = re.compile(r"\d[:.]$")
_PHONE = re.compile(r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_DECADE_AFTER = re.compile(r"^'?s\b")
_RANGE_SEP = re.compile(r"^(?:-to-|-(?=\$?\d)|\s*[–—]\s*|\s+(?:to|and)\s+)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w&.'’-]*)\s+$")
_SPACE_OR_HYPHEN = re.compile(r"^(?:\s|-)?")
_QUOTE_CHARS = "\"'“”‘’«»"
_HYPHEN_NAME = re.compile(r"[A-Za-z]-$")


@dataclass(slots=True)
class _Found:
    """One quantity under construction: character span, value and what it measures."""

    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    kind: _Kind = "count"
    currency: str | None = None
    approximate: bool = False
    base: str | None = None
    core_end: int = 0
    has_unit: bool = False
    words: bool = False
    noun_end: int = 0
    notes: list[str] = field(default_factory=list)


class Quantities:
    """Find quantities. Reads `doc.text`, tokens, sentences, `doc.ents` and the doc's quotes.

    Writes `doc._.newsgraph_quantities` (a list of `Quantity`).
    """

    def __init__(self) -> None:
        """Compile the lexicons into regular expressions and lookup tables."""
        lex = number_lexicon()
        units = load_json("units.json")
        self._unit_forms: dict[str, tuple[str, _Kind, str | None]] = {}
        self._unit_forms_ci: dict[str, tuple[str, _Kind, str | None]] = {}
        for canonical, (kind, currency, forms) in units["units"].items():
            for form in forms:
                entry = (str(canonical), cast(_Kind, kind), currency)
                if len(form) <= 2:
                    self._unit_forms.setdefault(form, entry)
                else:
                    self._unit_forms_ci.setdefault(form.lower(), entry)
        all_forms = sorted({*self._unit_forms, *self._unit_forms_ci}, key=lambda f: (-len(f), f))
        long_forms = [re.escape(f) for f in all_forms if len(f) > 2]
        short_forms = [re.escape(f) for f in all_forms if len(f) == 2]
        single = [re.escape(f) for f in all_forms if len(f) == 1]
        tail = r"(?![A-Za-z0-9²³])"
        self._unit_spaced = re.compile(
            rf"^(?:\s|-|\s-\s)?(?:(?i:{'|'.join(long_forms)})|{'|'.join(short_forms)}){tail}"
        )
        self._unit_attached = re.compile(rf"^(?:{'|'.join(single)}){tail}")
        self._currency = {k: (v[0], v[1]) for k, v in units["currency_prefixes"].items()}
        prefixes = sorted(self._currency, key=len, reverse=True)
        self._currency_before = re.compile(
            rf"(?:^|(?<=[\s(\[/–-]))(?:{'|'.join(re.escape(p) for p in prefixes)})\s?$"
        )
        denominators = sorted(units["rate_denominators"], key=len, reverse=True)
        denominator_re = "|".join(re.escape(d) for d in denominators)
        self._rate = re.compile(rf"^(?:\s+(?:per|a|an|each)\s+|\s?/\s?)((?i:{denominator_re}))(?![A-Za-z])")
        self._rate_plural = dict(units["rate_plural"])
        self._convert = {k: (str(v[0]), float(v[1])) for k, v in units["convert"].items()}
        scales = {k: float(v) for k, v in lex["scales"].items() if k != "hundred"}
        self._scales = scales
        self._scale_word = re.compile(rf"^\s+({'|'.join(scales)})\b", re.IGNORECASE)
        abbrev = {k: float(v) for k, v in lex["abbrev_scales"].items()}
        self._abbrev = abbrev
        self._scale_abbrev = re.compile(
            rf"^\s?({'|'.join(sorted(abbrev, key=len, reverse=True))})(?![A-Za-z0-9])"
        )
        self._words_re = re.compile(number_words_regex(), re.IGNORECASE)
        vague = {k: (float(v[0]), float(v[1])) for k, v in lex["vague"].items()}
        self._vague = vague
        self._vague_values = {k: float(v) for k, v in lex["vague_values"].items()}
        self._vague_re = re.compile(
            rf"\b(?:{'|'.join(re.escape(v) for v in sorted(vague, key=len, reverse=True))})\b",
            re.IGNORECASE,
        )
        self._fractions = {k: float(v) for k, v in lex["fractions"].items()}
        frac_words = "|".join(sorted(self._fractions, key=len, reverse=True))
        self._fraction_re = re.compile(
            rf"\b(?:(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?"
            rf"(?P<frac>{frac_words})\b|\b(?P<num>one|two|three|four|five|six|seven|eight|nine|\d+)"
            rf"\s+(?:out\s+of|in|of\s+every|in\s+every)\s+(?P<den>two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
            rf"(?!\s*(?:-|%|percent|per cent))",
            re.IGNORECASE,
        )
        self._half_scale = re.compile(
            r"^\s+an?\s+(million|billion|trillion|thousand|hundred|dozen)\b", re.IGNORECASE
        )
        self._small = {"a": 1.0, "an": 1.0, **{k: float(v) for k, v in lex["units"].items()}}
        approx = sorted(lex["approximate"], key=len, reverse=True)
        self._approx_before = re.compile(
            rf"(?:^|(?<=[^\w]))({'|'.join(re.escape(a) for a in approx)})\s*$", re.IGNORECASE
        )
        self._ordinal = {s.lower() for s in lex["ordinal_suffixes"]}
        self._not_one = {w.lower() for w in lex["not_one"]}
        self._one_after_not = {w.lower() for w in lex["one_after_not"]}
        self._labels = {w.lower() for w in lex["name_labels"]}

    # ------------------------------------------------------------------ entry point

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

    def _find(self, doc: Doc, text: str) -> list[_Found]:
        token_starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in _PHONE.finditer(text)]
        taken.sort()
        found: list[_Found] = []

        def token_at(char: int) -> Token | None:
            if not len(doc):
                return None
            i = bisect.bisect_right(token_starts, char) - 1
            return doc[max(0, i)]

        candidates: list[_Found] = []
        candidates.extend(self._fraction_candidates(doc, text, token_at))
        candidates.extend(self._vague_candidates(doc, text, token_at))
        candidates.extend(self._digit_candidates(doc, text, token_at))
        candidates.extend(self._word_candidates(doc, text, token_at))
        candidates.sort(key=lambda c: (c.start, -(c.end - c.start)))
        for cand in candidates:
            if _claim(taken, cand.start, cand.end):
                found.append(cand)
        found.sort(key=lambda c: c.start)
        for i, cand in enumerate(found):
            # the span takes in the counted noun when no other quantity sits in between
            limit = found[i + 1].start if i + 1 < len(found) else len(text)
            if cand.end < cand.noun_end <= limit:
                cand.end = cand.noun_end
        self._inherit_units(doc, text, found)
        return found

    def _inherit_units(self, doc: Doc, text: str, found: list[_Found]) -> None:
        """Give a bare number the unit of the quantity it parallels earlier in the sentence.

        "435 homes by open sale and 187 by tender" -> 187 homes; "84.75 cents, while the lowest
        is 74.07" -> 74.07 cents. Percentages are not inherited ("rose 0.7 percent to 6,327.80").
        """
        if not doc.has_annotation("SENT_START"):
            return
        sent_starts = [s.start_char for s in doc.sents]
        for i, cand in enumerate(found):
            if cand.unit is not None or cand.words or cand.kind != "count":
                continue
            sent = bisect.bisect_right(sent_starts, cand.start)
            for prev in reversed(found[:i]):
                if bisect.bisect_right(sent_starts, prev.start) != sent or cand.start - prev.end > 120:
                    break
                if prev.kind == "percent" or prev.unit in (None, "fraction"):
                    continue
                if prev.kind == "measure" and prev.unit == "year of age":
                    break
                cand.unit, cand.kind, cand.currency = prev.unit, prev.kind, prev.currency
                break

    # ------------------------------------------------------------------ digits

    def _digit_candidates(self, doc: Doc, text: str, token_at: _TokenAt) -> list[_Found]:
        out: list[_Found] = []
        get_token = token_at
        for match in _DIGIT_RE.finditer(text):
            start, end = match.span()
            value = parse_digits(match.group(1))
            if value is None:
                continue
            before = text[max(0, start - 40) : start]
            after = text[end : end + 60]
            if self._is_not_quantity(text, start, end, before, after, match.group(1)):
                continue
            cand = _Found(start=start, end=end, value=value, core_end=end)
            # attached letters before the digits: a currency code ("EUR50m") or a name ("G7")
            letters = re.search(r"([A-Za-z$€£¥₹]+[$]?)$", before)
            if letters and not before.endswith(" "):
                code = letters.group(1)
                if code in self._currency:
                    cand.unit, cand.currency = self._currency[code]
                    cand.kind = "money"
                    cand.has_unit = True
                    cand.start = start - len(code)
                elif code[-1] not in "$€£¥₹":
                    continue
            if not cand.has_unit:
                cur = self._currency_before.search(before)
                if cur:
                    code = cur.group(0).strip()
                    if code in self._currency:
                        cand.unit, cand.currency = self._currency[code]
                        cand.kind = "money"
                        cand.has_unit = True
                        cand.start = start - len(cur.group(0))
            # a hyphen or a minus sign directly before makes it negative
            sign_before = text[max(0, cand.start - 6) : cand.start]
            if re.search(r"(?:^|\s)[-−]$", sign_before):
                cand.value = -cand.value
                cand.start -= 1
            elif re.search(r"(?i)(?:^|\s)minus[\s-]$", sign_before):
                cand.value = -cand.value
                cand.start -= 6
            pos = self._read_scale_and_unit(text, cand, end, allow_abbrev=cand.kind == "money")
            if pos is None:
                continue
            cand.end = pos
            cand.core_end = end
            if not cand.has_unit:
                lead = text[max(0, cand.start - 40) : cand.start]
                if self._is_name_number(doc, text, get_token, cand, lead):
                    continue
                if self._is_year(doc, text, get_token, cand, match.group(1)):
                    continue
            if not self._read_range(text, cand, token_at):
                continue
            self._finish(doc, text, cand, get_token)
            out.append(cand)
        return out

    def _is_not_quantity(self, text: str, start: int, end: int, before: str, after: str, digits: str) -> bool:
        """Return True for dates, clock times, ordinals, decades, scores and model numbers."""
        if _ORDINAL_AFTER.match(after) or re.match(r"^/\d", after):
            return True  # 22nd; 9/11, 24/7
        if len(digits) == 4 and _DECADE_AFTER.match(after):
            return True
        if before.endswith("'") and len(digits) == 2 and _DECADE_AFTER.match(after):
            return True
        if _MONTH_BEFORE.search(before) and "," not in digits and len(digits) <= 4:
            return True
        if "," not in digits and len(digits) <= 2 and _MONTH_AFTER.match(after):
            return True
        if _CLOCK_AFTER.match(after) or _CLOCK_BEFORE.search(before):
            return True
        if re.search(r"(?i)(?:^|\s)minus-$", before):
            return False
        hyphen_name = _HYPHEN_NAME.search(before) or re.search(r"[A-Za-z]-?\s?-$", before[-3:])
        if hyphen_name and not re.search(r"(?:^|\s)-$", before):
            # COVID-19, F-16, Boeing 787-9 (digits hyphen-attached to a name)
            return True
        if re.match(r"^-\d", after) and not re.match(r"^-\d+(?:\.\d+)?\s?(?:%|[A-Za-z])", after):
            # 2-1 scores, 16-18 addresses, 3888-2 codes (a hyphen range without a unit)
            rest = re.match(r"^-(\d+(?:\.\d+)?)", after)
            if rest is not None:
                tail = after[rest.end() :]
                if not self._unit_spaced.match(tail) and not re.match(r"^\s+(?:[a-z]+)", tail):
                    return True
        if re.search(r"\d-$", before):
            # second half of a hyphen pair: handled as a range by the first number
            return True
        if after[:1].isalpha():
            # attached letters: a unit or scale ("50mph", "$6m"), else a code ("5G", "3D")
            word = re.match(r"[A-Za-zμµ°²³/]+", after)
            if word is not None:
                w = word.group(0)
                if not (
                    self._unit_attached.match(after)
                    or self._unit_spaced.match(after)
                    or w in self._abbrev
                    or re.match(r"^(?:k|m|bn|mn|tn)(?:\s|$)", after)
                ):
                    return True
        return False

    def _read_scale_and_unit(self, text: str, cand: _Found, pos: int, *, allow_abbrev: bool) -> int | None:
        """Read a scale word and a unit after position `pos`; return the new end."""
        after = text[pos : pos + 80]
        scale = self._scale_word.match(after)
        if scale:
            cand.value *= self._scales[scale.group(1).lower()]
            pos += scale.end()
        else:
            abbrev = self._scale_abbrev.match(after)
            if abbrev and abbrev.group(1) in self._abbrev:
                tail = after[abbrev.end() :]
                next_unit = self._unit_spaced.match(tail)
                attached = abbrev.start(1) == 0
                if allow_abbrev or (
                    attached and next_unit is not None and abbrev.group(1) in ("m", "bn", "k")
                ):
                    cand.value *= self._abbrev[abbrev.group(1)]
                    pos += abbrev.end()
        after = text[pos : pos + 80]
        us = re.match(r"^\s(?:U\.S\.|US)(?![\w.])", after) if cand.kind == "money" else None
        if us:
            pos += us.end()
            after = text[pos : pos + 80]
        unit = self._unit_attached.match(after) or self._unit_spaced.match(after)
        if unit:
            form = unit.group(0).strip().lstrip("-").strip()
            entry = self._unit_forms.get(form) or self._unit_forms_ci.get(form.lower())
            if entry is None and unit.group(0).strip().startswith("-"):
                entry = self._unit_forms_ci.get(unit.group(0).strip().lower())
            if entry is not None:
                canonical, kind, currency = entry
                if cand.kind == "money" and kind == "money" and canonical not in ("cent",):
                    # "$75 U.S." style repetition, or "US$ 5 dollars": keep the prefix currency
                    pos += unit.end()
                elif cand.kind == "money" and kind != "money":
                    pass  # "$5 W" is not a thing; leave the unit off
                else:
                    cand.unit, cand.kind, cand.currency = canonical, kind, currency
                    if canonical in self._convert:
                        cand.unit, factor = self._convert[canonical]
                        cand.value *= factor
                    cand.has_unit = True
                    pos += unit.end()
        rate = self._rate.match(text[pos : pos + 60])
        if rate and (cand.has_unit or cand.kind == "money"):
            denominator = rate.group(1).lower()
            denominator = self._rate_plural.get(denominator, denominator)
            entry = self._unit_forms_ci.get(denominator) or self._unit_forms.get(rate.group(1))
            name = entry[0] if entry is not None else denominator
            cand.unit = f"{cand.unit} per {name}"
            pos += rate.end()
        return pos

    def _read_range(self, text: str, cand: _Found, token_at: _TokenAt) -> bool:
        """Extend `cand` over "-N", "to N", "and N" (after "between") when a second number follows.

        Returns False when the number is half of a bare hyphen pair ("2-1", "16-18"): a score,
        an address or a code, not a quantity.
        """
        after = text[cand.end : cand.end + 60]
        sep = _RANGE_SEP.match(after)
        if not sep:
            return True
        word = sep.group(0).strip()
        before = text[max(0, cand.start - 10) : cand.start].lower()
        if word == "and" and not before.rstrip().endswith("between"):
            return True
        rest_start = cand.end + sep.end()
        rest = text[rest_start : rest_start + 60]
        prefix = ""
        cur = re.match(r"^(US\s?\$|[$€£¥₹]|EUR|USD)\s?", rest)
        if cur:
            prefix = cur.group(0)
            code = prefix.strip().replace(" ", "")
            if cand.kind != "money" or self._currency.get(code, ("", ""))[0] != cand.unit:
                return True
        m = re.match(rf"^{re.escape(prefix)}({_DIGITS})(?![\d])", rest)
        if not m:
            return True
        if re.match(r"^[\s-]?(?:st|nd|rd|th)\b", rest[m.end() :]):
            return True
        value = parse_digits(m.group(1))
        if value is None:
            return True
        second = _Found(start=rest_start, end=rest_start + m.end(), value=value)
        if cand.kind == "money":
            second.kind, second.unit, second.currency = cand.kind, cand.unit, cand.currency
        end = self._read_scale_and_unit(text, second, rest_start + m.end(), allow_abbrev=cand.kind == "money")
        if end is None:
            return True
        if second.unit != cand.unit and cand.unit is not None and (second.has_unit or second.kind == "money"):
            if second.unit and cand.unit and second.unit.startswith(cand.unit + " per "):
                cand.unit = second.unit
            else:
                return True
        if cand.has_unit and not second.has_unit and cand.kind != "money":
            # "rose 64.06 points to 4,577.10": a change and a level, not a range
            return True
        if not cand.has_unit and not second.has_unit and cand.kind != "money" and word == "-":
            return False
        low_scale = second.value / value if value else 1.0
        first_value = cand.value
        if low_scale > 1 and cand.value < value:
            # "5-10 million": the scale of the second applies to the first
            first_value = cand.value * low_scale
        if second.has_unit and not cand.has_unit:
            cand.unit, cand.kind, cand.currency, cand.has_unit = (
                second.unit,
                second.kind,
                second.currency,
                True,
            )
        cand.low = min(first_value, second.value)
        cand.high = max(first_value, second.value)
        cand.value = first_value
        cand.end = end
        return True

    def _is_name_number(self, doc: Doc, text: str, token_at: _TokenAt, cand: _Found, before: str) -> bool:
        """Return True when a bare number is part of a name or label ("Boeing 737", "Game 2")."""
        first = token_at(cand.start)
        if first is not None and _is_age(doc, first):
            cand.unit, cand.kind, cand.has_unit = "year of age", "measure", True
            return False
        word = _WORD_BEFORE.search(before)
        if word is None:
            return False
        prev = word.group(1)
        low = prev.lower().rstrip(".")
        if low in self._labels or prev.lower() in self._labels:
            return True
        if not prev[:1].isupper() and not any(c.isupper() for c in prev[1:]):
            return False
        if self._approx_before.search(before) or low in (
            "in",
            "since",
            "by",
            "from",
            "about",
            "and",
            "or",
            "to",
        ):
            return False
        tok = token_at(cand.start)
        if tok is None:
            return False
        if tok.i > 0:
            prev_tok = doc[tok.i - 1]
            if prev_tok.tag_ == "POS" and tok.i > 1:
                prev_tok = doc[tok.i - 2]  # "Standard & Poor's 500"
            if prev_tok.is_sent_start and prev_tok.tag_ not in ("NNP", "NNPS"):
                return False
            if (
                prev_tok.tag_ not in ("NNP", "NNPS", "NN", "FW", "XX", "JJ", "VB", "CD")
                and not prev_tok.is_upper
            ):
                return False
        return True

    def _is_year(self, doc: Doc, text: str, token_at: _TokenAt, cand: _Found, digits: str) -> bool:
        """Return True for a bare four-digit year (1800-2099)."""
        if not re.fullmatch(r"(?:18|19|20)\d\d", digits) or cand.low is not None:
            return False
        before = text[max(0, cand.start - 30) : cand.start]
        return not self._approx_before.search(before)

    # ------------------------------------------------------------------ words

    def _word_candidates(self, doc: Doc, text: str, token_at: _TokenAt) -> list[_Found]:
        out: list[_Found] = []
        for match in self._words_re.finditer(text):
            start, end = match.span()
            phrase = match.group(0)
            before = text[max(0, start - 30) : start]
            a_before = re.search(r"(?i)\b(an?)\s+$", before)
            first = phrase.split()[0].split("-")[0].lower()
            if a_before and first in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
                start = max(0, match.start() - len(before) + a_before.start(1))
                phrase = text[start:end]
                before = text[max(0, start - 30) : start]
            value = parse_number_words(phrase)
            if value is None:
                continue
            if phrase.lower() == "one" and text[end : end + 1] == "-":
                continue  # "one-time", "one-off"
            if phrase.lower() in ("one", "score", "dozen") and not self._one_is_number(
                doc, text, token_at, start, end, before
            ):
                continue
            if phrase[:1].isupper() and _WORD_BEFORE.search(before):
                prev_word = _WORD_BEFORE.search(before)
                if (
                    prev_word is not None
                    and prev_word.group(1)[:1].isupper()
                    and not self._approx_before.search(before)
                ):
                    continue  # "Apple One", "Formula One"
            cand = _Found(start=start, end=end, value=value, core_end=end, words=True)
            if re.search(r"(?i)(?:^|\s)minus[\s-]$", text[max(0, start - 7) : start]):
                cand.value = -cand.value
                cand.start -= 6
            pos = self._read_scale_and_unit(text, cand, end, allow_abbrev=False)
            if pos is None:
                continue
            cand.end = pos
            # "seven to 10 years", "four-, five- and six-cylinder"
            self._read_word_range(text, cand)
            if cand.kind == "money" or self._currency_before.search(before):
                cur = self._currency_before.search(before)
                if cur and cur.group(0).strip() in self._currency:
                    cand.unit, cand.currency = self._currency[cur.group(0).strip()]
                    cand.kind, cand.has_unit = "money", True
                    cand.start -= len(cur.group(0))
            self._finish(doc, text, cand, token_at)
            if cand.unit is None and phrase.lower() == "one" and not cand.approximate:
                continue  # "One provides immunization": a pronoun, not a count
            out.append(cand)
        return out

    def _read_word_range(self, text: str, cand: _Found) -> None:
        after = text[cand.end : cand.end + 40]
        m = re.match(rf"^\s+to\s+({_DIGITS}|{number_words_regex()})(?![\d])", after, re.IGNORECASE)
        if not m:
            return
        second_text = m.group(1)
        second = parse_digits(second_text) if second_text[:1].isdigit() else parse_number_words(second_text)
        if second is None:
            return
        probe = _Found(start=0, end=0, value=second)
        end = self._read_scale_and_unit(text, probe, cand.end + m.end(), allow_abbrev=False)
        if end is None or not probe.has_unit:
            return
        if cand.has_unit and probe.unit != cand.unit:
            return
        cand.unit, cand.kind, cand.currency, cand.has_unit = probe.unit, probe.kind, probe.currency, True
        cand.low, cand.high = min(cand.value, second), max(cand.value, second)
        cand.end = end

    def _one_is_number(
        self, doc: Doc, text: str, token_at: _TokenAt, start: int, end: int, before: str
    ) -> bool:
        """Return True when "one" counts something rather than standing for a person or thing."""
        prev = re.search(r"([\w-]+)\s*$", before)
        if prev and prev.group(1).lower() in self._not_one:
            return False
        nxt = re.match(r"^\s*([\w-]+)", text[end : end + 20])
        if nxt and nxt.group(1).lower() in self._one_after_not:
            return False
        tok = token_at(start)
        if tok is None:
            return True
        if tok.tag_ in ("PRP", "NN") and tok.dep_ != "nummod":
            return False
        return not (tok.dep_ == "pobj" and not any(c.dep_ == "prep" for c in tok.children))

    # ------------------------------------------------------------------ vague numbers and fractions

    def _vague_candidates(self, doc: Doc, text: str, token_at: _TokenAt) -> list[_Found]:
        out: list[_Found] = []
        for match in self._vague_re.finditer(text):
            phrase = match.group(0).lower()
            low, high = self._vague[phrase]
            value = self._vague_values.get(phrase, low)
            cand = _Found(
                start=match.start(), end=match.end(), value=value, low=low, high=high, core_end=match.end()
            )
            if phrase in self._vague_values:
                cand.low = cand.high = None
            cand.approximate = True
            self._finish(doc, text, cand, token_at)
            out.append(cand)
        return out

    def _fraction_candidates(self, doc: Doc, text: str, token_at: _TokenAt) -> list[_Found]:
        out: list[_Found] = []
        for match in self._fraction_re.finditer(text):
            if match.group("frac"):
                frac = match.group("frac").lower()
                count_word = (match.group("count") or "").lower()
                if not count_word and frac not in ("half",):
                    continue
                after = text[match.end() : match.end() + 40]
                if frac.startswith("quarter") and re.match(
                    r"^[\s-]*(?:of\s+(?:19|20)\d\d|results|earnings)", after
                ):
                    continue
                if frac.startswith(("quarter", "third", "fifth", "sixth", "tenth")) and not re.match(
                    r"^\s+of\b", after
                ):
                    continue
                if (
                    frac == "half"
                    and not re.match(r"^\s+(?:of|a|an|the)\b", after)
                    and not self._approx_before.search(text[max(0, match.start() - 30) : match.start()])
                ):
                    continue
                count = self._small.get(count_word, 1.0) if count_word else 1.0
                value = count * self._fractions[frac]
                scaled = self._half_scale.match(after) if frac == "half" and not count_word else None
                if scaled:
                    # "half a million": a count, not a fraction
                    scale = self._scales.get(
                        scaled.group(1).lower(), 12.0 if scaled.group(1).lower() == "dozen" else 100.0
                    )
                    cand = _Found(start=match.start(), end=match.end() + scaled.end(), value=0.5 * scale)
                    cand.core_end = cand.end
                    self._finish(doc, text, cand, token_at)
                    out.append(cand)
                    continue
            else:
                num = match.group("num").lower()
                den = match.group("den").lower()
                n = parse_digits(num) if num[0].isdigit() else self._small.get(num)
                d = (
                    parse_digits(den)
                    if den[0].isdigit()
                    else (self._small.get(den) or (10.0 if den == "ten" else None))
                )
                if not n or not d or n >= d:
                    continue
                value = n / d
            cand = _Found(start=match.start(), end=match.end(), value=value, unit="fraction", kind="fraction")
            cand.has_unit = True
            cand.core_end = match.end()
            self._finish(doc, text, cand, token_at)
            out.append(cand)
        return out

    # ------------------------------------------------------------------ completion

    def _finish(self, doc: Doc, text: str, cand: _Found, token_at: _TokenAt) -> None:
        """Add the approximation cue, the counted noun and the base of a proportion."""
        before = text[max(0, cand.start - 30) : cand.start]
        approx = self._approx_before.search(before)
        if approx:
            cand.approximate = True
            cand.start -= len(before) - approx.start(1)
        if cand.kind == "count" and cand.unit is None:
            self._counted_noun(doc, text, cand, token_at)
        if cand.kind in ("fraction", "percent"):
            cand.base = self._base(doc, text, cand, token_at)
        if cand.kind == "count" and cand.unit is None and cand.base is None:
            cand.base = None

    def _counted_noun(self, doc: Doc, text: str, cand: _Found, token_at: _TokenAt) -> None:
        """Set the unit to the noun the number counts ("244 operations" -> "operation")."""
        last = token_at(max(cand.start, cand.end - 1))
        if last is None:
            return
        head: Token | None = None
        if last.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod") and last.head.i > last.i:
            candidate = last.head
            while (
                candidate.dep_ in ("quantmod", "compound", "nummod")
                and candidate.head.i > candidate.i
                and candidate.pos_ == "NUM"
            ):
                candidate = candidate.head
            if candidate.pos_ in ("NOUN", "PROPN") and candidate.i - last.i <= 6:
                head = candidate
        if head is None:
            # scan a short noun phrase forward, skipping quoted adjectives
            j = last.i + 1
            quoted = False
            while j < len(doc) and j - last.i <= 5:
                t = doc[j]
                if t.text in _QUOTE_CHARS or t.is_quote:
                    quoted = not quoted
                elif quoted or t.pos_ in ("ADJ",) or t.tag_ == "HYPH":
                    pass
                elif t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NNS", "NNPS", "NN", "NNP"):
                    nxt = doc[j + 1] if j + 1 < len(doc) else None
                    if nxt is not None and nxt.pos_ == "NOUN" and nxt.dep_ != "conj" and t.dep_ == "compound":
                        j += 1
                        continue
                    if t.tag_ in ("NNS", "NNPS") or (
                        last.i < len(doc) - 1 and t.i == last.i + 1 and cand.value == 1
                    ):
                        head = t
                    break
                else:
                    break
                j += 1
        if head is None:
            of_noun = _of_object(last)
            if of_noun is not None and of_noun.pos_ in ("NOUN", "PROPN"):
                of_mods = [c.text.lower() for c in of_noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
                cand.unit = " ".join([*of_mods, _singular(of_noun)])
                self._noun_rate(doc, text, cand, of_noun)
                return
            return
        if head.i > last.i:
            mods: list[str] = []
            quoted = False
            for t in doc[last.i + 1 : head.i]:
                if t.text in _QUOTE_CHARS or t.is_quote:
                    quoted = not quoted
                    continue
                if quoted or (t.is_punct and t.tag_ != "HYPH"):
                    continue
                if t.pos_ in ("ADJ", "NOUN", "PROPN", "VERB", "ADV") or t.tag_ == "HYPH":
                    mods.append(t.text if t.pos_ == "PROPN" else t.text.lower())
            if quoted:
                mods = []
            unit = (
                " ".join([*mods, _singular(head)]).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
            )
            cand.unit = unit.lstrip("-").strip() or None
            if not quoted and head.i - last.i <= 4:
                cand.noun_end = head.idx + len(head.text)
            self._noun_rate(doc, text, cand, head)
        else:
            cand.unit = _singular(head)

    def _noun_rate(self, doc: Doc, text: str, cand: _Found, noun: Token) -> None:
        """Append "per X" to a counted noun followed by a rate ("3,000 tests per day")."""
        end = noun.idx + len(noun.text)
        rate = self._rate.match(text[end : end + 40])
        if (
            rate
            and cand.unit is not None
            and rate.group(0).strip().split()[0].lower() in ("per", "a", "an", "each")
        ):
            name = rate.group(1).lower()
            entry = self._unit_forms_ci.get(name)
            cand.unit = f"{cand.unit} per {entry[0] if entry else self._rate_plural.get(name, name)}"

    def _base(self, doc: Doc, text: str, cand: _Found, token_at: _TokenAt) -> str | None:
        """Return what a fraction or percentage is a share of ("of the nation's 400 districts")."""
        m = re.match(r"^\s+of\s+", text[cand.end : cand.end + 10])
        if not m:
            return None
        of_tok = token_at(cand.end + m.start() + m.group(0).index("of"))
        if of_tok is None or of_tok.text.lower() != "of":
            return None
        pobj = next((c for c in of_tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        start = pobj.left_edge.i
        end = pobj.i + 1
        for t in pobj.rights:
            if t.dep_ in ("conj", "cc", "punct", "appos", "relcl", "acl"):
                break
            end = t.right_edge.i + 1
        if start <= of_tok.i:
            start = of_tok.i + 1
        span = doc[start:end]
        return span.text or None


def _claim(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Insert [start, end) into the sorted disjoint spans `taken` unless it overlaps one."""
    i = bisect.bisect_left(taken, (start, start))
    if i > 0 and taken[i - 1][1] > start:
        return False
    if i < len(taken) and taken[i][0] < end:
        return False
    taken.insert(i, (start, end))
    return True


def _is_age(doc: Doc, tok: Token) -> bool:
    """Return True for an age after a name: "Maddon, 66, has", "Nick Hague 44 has"."""
    if tok.i == 0 or not tok.like_num:
        return False
    prev = doc[tok.i - 1]
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    value = parse_digits(tok.text)
    if value is None or not 1 <= value <= 120 or "." in tok.text:
        return False
    if prev.text == "," and tok.i >= 2 and doc[tok.i - 2].ent_type_ == "PERSON":
        return nxt is not None and nxt.text == ","
    if prev.ent_type_ == "PERSON":
        return nxt is not None and (nxt.text == "," or nxt.pos_ in ("VERB", "AUX"))
    return False


def _of_object(token: Token) -> Token | None:
    """Return the noun of "N of the X" governed by this number token, if any."""
    for child in token.rights:
        if child.dep_ == "prep" and child.text.lower() == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _singular(token: Token) -> str:
    """Return a noun's singular form (its lemma; proper plurals lose a final s)."""
    if token.pos_ == "PROPN":
        word = token.text
        if token.tag_ == "NNPS" and word.endswith("s") and not word.endswith("ss"):
            return word[:-1]
        return word
    lemma = token.lemma_.lower()
    return lemma or token.text.lower()


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
