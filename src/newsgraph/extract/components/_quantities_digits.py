"""Quantities written in digits: "244", "$1.3 billion", "50mph", "5-10 million".

Numbers that are not quantities are left out: dates, clock times, years, decades, ordinals,
scores and numbers that are part of a name ("Boeing 737", "COVID-19", "G7", "Interstate 95").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract.components._numbers import (
    parse_digits,
)
from newsgraph.extract.components._quantities_lexicon import DIGITS, WORD_BEFORE, Found, TokenAt, minus_word
from newsgraph.extract.components._quantities_nouns import NounReader
from newsgraph.extract.components._quantities_units import UnitReader

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DIGIT_RE = re.compile(rf"(?<![\d.,/:])(?<!\d\.)({DIGITS})(?![\d,]\d)")
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:,|or|and|to|-|–)\s*)?$")
_MONTH_AFTER = re.compile(rf"^(?:\s*(?:-|–|to)\s*\d{{1,2}})?\s+{_MONTHS}(?![a-z])")
_CLOCK_AFTER = re.compile(r"^(?::\d\d|\s?(?:[ap]\.?m\b\.?|[AP]\.?M\b\.?|o'clock|GMT|UTC|[ECMP][SD]T\b|ET\b))")
_CLOCK_BEFORE = re.compile(r"\d[:.]$")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_DECADE_AFTER = re.compile(r"^'?s\b")
_YEAR_PREPOSITION = re.compile(r"\b(?:by|in|until|till|before|after|since|from|through)\s+$", re.IGNORECASE)
_HYPHEN_NAME = re.compile(r"[A-Za-z]-$")
_TIME_PREPOSITION = re.compile(r"\b(?:until|till|before|since)\s+$", re.IGNORECASE)
_SHORT_YEAR = re.compile(r"(?:^|[\s(])['’]$")


class DigitReader(UnitReader, NounReader):
    """Find the quantities written in digits."""

    def _digit_candidates(self, doc: Doc, text: str, token_at: TokenAt) -> list[Found]:
        out: list[Found] = []
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
            cand = Found(start=start, end=end, value=value, core_end=end)
            if not self._currency_prefix(cand, before, match.group(1), after):
                continue  # "G7", "F16": a name
            # a hyphen or a minus sign directly before makes it negative
            sign_before = text[max(0, cand.start - 6) : cand.start]
            if re.search(r"(?:^|\s)[-−]$", sign_before):
                cand.value = -cand.value
                cand.start -= 1
            elif minus_word(text, cand.start):
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

    def _currency_prefix(self, cand: Found, before: str, digits: str, after: str) -> bool:
        """Read a currency written before the digits ("$5", "AU $89.99", "EUR50m", "PS2.7m").

        Returns False when letters attached before the digits make a name ("G7") instead.
        """
        found = self._currency_before.search(before)
        code = found.group(0).strip() if found else ""
        currency = self._currency.get(code)
        width = len(found.group(0)) if found else 0
        letters = re.search(r"([A-Za-z$€£¥₹#]+[$=]?)$", before)
        if currency is None and letters and not before.endswith(" "):
            code = letters.group(1)
            currency = (
                self._currency.get(code) or self._folded(code, digits, after) or self._coded_dollar(code)
            )
            if currency is None and code[-1] not in "$€£¥₹":
                return False
            width = len(code)
        if currency is not None:
            cand.unit, cand.currency = currency
            cand.kind, cand.has_unit = "money", True
            cand.start -= width
        return True

    def _coded_dollar(self, code: str) -> tuple[str, str] | None:
        """Return the currency of "AUD$1 million", "USD$23 billion": a dollar's ISO code before its sign."""
        currency = self._currency.get(code[:-1]) if code.endswith("$") else None
        return currency if currency is not None and currency[0].endswith("dollar") else None

    def _folded(self, code: str, digits: str, after: str) -> tuple[str, str] | None:
        """Return the currency of "PS2.7m", "Y=590 billion": a transliterated sign before an amount.

        Only with a decimal or a scale after the digits: "PS4" is a game console, not £4.
        """
        currency = self._folded_currency.get(code)
        if currency is None or not (
            "." in digits or self._scale_word.match(after) or self._scale_abbrev.match(after)
        ):
            return None
        return currency

    def _is_not_quantity(self, text: str, start: int, end: int, before: str, after: str, digits: str) -> bool:
        """Return True for dates, clock times, ordinals, decades, scores and model numbers."""
        if _ORDINAL_AFTER.match(after) or re.match(r"^/\d", after):
            return True  # 22nd; 9/11, 24/7
        if re.fullmatch(r"\d{8,}", digits):
            return True  # a phone number, tracking code or post ID written without separators
        if _is_enumerator(before, digits, after) or self._street_after.match(after):
            return True  # a list label, a house number
        if len(digits) == 4 and _DECADE_AFTER.match(after):
            return True
        if before.endswith("'") and len(digits) == 2 and _DECADE_AFTER.match(after):
            return True
        if len(digits) == 2 and _SHORT_YEAR.search(before) and not _closing_quote(before[-1], after):
            return True  # "iLife '11", "in ’08 and ’12": a year cut to two digits
        if _MONTH_BEFORE.search(before) and "," not in digits and len(digits) <= 4:
            return True
        if "," not in digits and len(digits) <= 2 and _MONTH_AFTER.match(after):
            return True
        if _CLOCK_AFTER.match(after) or _CLOCK_BEFORE.search(before):
            return True
        if re.search(r"(?i)(?:^|\s)minus-$", before):
            return False
        hyphen_name = _HYPHEN_NAME.search(before) or re.search(r"[A-Za-z]-?\s?-$", before[-3:])
        if hyphen_name and not re.search(r"(?:^|\s)-$", before) and not self._approx_before.search(before):
            # COVID-19, F-16, Boeing 787-9 (digits hyphen-attached to a name)
            return True
        if re.match(r"^-\d", after) and not re.match(r"^-\d+(?:\.\d+)?\s?(?:%|[A-Za-z])", after):
            # 2-1 scores, 16-18 addresses, 3888-2 codes (a hyphen range without a unit)
            rest = re.match(r"^-(\d+(?:\.\d+)?)", after)
            if rest is not None:
                tail = after[rest.end() :]
                if not self._unit_spaced.match(tail) and not re.match(r"^\s+(?:[a-z]+)", tail):
                    return True
        if re.search(r"\d[-–—]$", before):
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

    def _is_name_number(self, doc: Doc, text: str, token_at: TokenAt, cand: Found, before: str) -> bool:
        """Return True when a bare number is part of a name or label ("Boeing 737", "Game 2")."""
        first = token_at(cand.start)
        if first is not None and _is_age(doc, first):
            cand.unit, cand.kind, cand.has_unit = "year of age", "measure", True
            return False
        word = WORD_BEFORE.search(before)
        if word is None or self._scale_word.match(text[cand.core_end : cand.core_end + 20]):
            return False  # "Ford's 9.12 million": a name does not take a scale word
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

    def _is_year(self, doc: Doc, text: str, token_at: TokenAt, cand: Found, digits: str) -> bool:
        """Return True for a bare four-digit year (1800-2099; 2100-2199 after "by", "in", …)."""
        if cand.low is not None:
            return False
        before = text[max(0, cand.start - 30) : cand.start]
        if re.fullmatch(r"21\d\d", digits):  # "sea levels rise … by 2120"
            return _YEAR_PREPOSITION.search(before) is not None
        if re.fullmatch(r"(?:18|19|20)\d\d", digits) is None:
            return False
        approx = self._approx_before.search(before)
        # "about 2000 people" is a count, "until at least 2014" a year
        return approx is None or _TIME_PREPOSITION.search(before[: approx.start(1)]) is not None


def _is_age(doc: Doc, tok: Token) -> bool:
    """Return True for an age after a name: "Maddon, 66, has", "Nick Hague 44 has".

    A number set off by commas after a noun is an age whether or not the name was recognised as
    a person's ("Cafferkey, 39, was readmitted", "a chicken seller, 22, is recovering"); so are
    two joined by "and" / "or" ("Two women, 23 and 27, tested positive").
    """
    if tok.i == 0 or not tok.like_num:
        return False
    prev = doc[tok.i - 1]
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    value = parse_digits(tok.text)
    if value is None or not 1 <= value <= 120 or "." in tok.text:
        return False
    if prev.text == "," and tok.i >= 2 and doc[tok.i - 2].pos_ in ("PROPN", "NOUN"):
        return nxt is not None and (nxt.text == "," or _paired_age(doc, tok.i + 1))
    if prev.lower_ in ("and", "or") and tok.i >= 4 and nxt is not None and nxt.text == ",":
        return _is_age(doc, doc[tok.i - 2]) and doc[tok.i - 3].text == ","  # "women, 23 and [27],"
    if prev.ent_type_ == "PERSON":
        return nxt is not None and (nxt.text == "," or nxt.pos_ in ("VERB", "AUX"))
    return False


def _paired_age(doc: Doc, i: int) -> bool:
    """Tell whether tokens from `i` read "and N ," (the second age of "women, 23 and 27,")."""
    return (
        i + 2 < len(doc)
        and doc[i].lower_ in ("and", "or")
        and doc[i + 1].like_num
        and "." not in doc[i + 1].text
        and doc[i + 2].text == ","
    )


def _is_enumerator(before: str, digits: str, after: str) -> bool:
    """Tell whether a number labels an item of a list: "1. Fireworks fly" opening a paragraph,
    "factors: (1) rates, (2) …".
    """
    if not re.fullmatch(r"\d{1,2}", digits):
        return False
    if re.search(r"(?:^|\n)[ \t]*$", before) and re.match(r"^[.)]\s", after):
        return True
    return bool(re.search(r"(?:^|[\n:;,.]|\b(?:and|or))\s*\($", before) and re.match(r"^\)\s+\w", after))


def _closing_quote(mark: str, after: str) -> bool:
    """Tell whether the apostrophe before a number opens a quote that closes soon ("'20 died,' he said")."""
    return re.search(rf"\S{re.escape(mark)}(?!\w)", after[:80]) is not None
