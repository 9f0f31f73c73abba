"""How much of what: the scale word, unit, rate and range after a number.

"5.5 million" (scale), "50 mph" and "$6m" (unit), "$14.95 a month" (rate), "5-10 million" and
"between $62 and $68" (range); "seven to 10 years" for number words.
"""

from __future__ import annotations

import re

from newsgraph.extract.components._numbers import (
    number_words_regex,
    parse_digits,
    parse_number_words,
)
from newsgraph.extract.components._quantities_lexicon import (
    DIGITS,
    RANGE_SEP,
    Found,
    QuantityLexicon,
    TokenAt,
)

_FROM_TO = re.compile(r"^(?:(?!,\s)[^;:!?()\n]){1,45}?\s+to\s+(?=[$€£¥₹]?\d)")
_SCALE_LETTERS = frozenset({"m", "M", "bn", "k", "K"})
_QUOTE_OPEN = re.compile(r"(?:^|[\s(\[])'{1,2}([^'\n]*)$")


class UnitReader(QuantityLexicon):
    """Read what follows a number: scale, unit, rate and the second half of a range."""

    def _read_scale_and_unit(self, text: str, cand: Found, pos: int, *, allow_abbrev: bool) -> int | None:
        """Read a scale word and a unit after position `pos`; return the new end."""
        after = text[pos : pos + 80]
        scale = self._scale_word.match(after)
        if scale:
            for word in scale.group(1).lower().split():
                cand.value *= self._scales[word]
            pos += scale.end()
        else:
            abbrev = self._scale_abbrev.match(after)
            if abbrev and abbrev.group(1) in self._abbrev:
                tail = after[abbrev.end() :]
                next_unit = self._unit_spaced.match(tail)
                attached = abbrev.start(1) == 0
                decimal = cand.value != int(cand.value)  # "4.3M sales": a scale, unlike "3M", "4K"
                if allow_abbrev or (
                    attached and (next_unit is not None or decimal) and abbrev.group(1) in _SCALE_LETTERS
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
            entry = self._unit_entry(form)
            if entry is None and unit.group(0).strip().startswith("-"):
                entry = self._unit_forms_ci.get(unit.group(0).strip().lower())
            if entry is not None and form == "'" and (cand.words or _in_single_quotes(text, cand.start)):
                entry = None  # "the 'core four'", "its first ''400'' list": a closing quote, not feet
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
            cand.unit = f"{cand.unit} per {self._denominator(rate.group(1))}"
            pos += rate.end()
        return pos

    def _range_separator(self, text: str, cand: Found) -> tuple[str, int, bool] | None:
        """Return the word between a range's two numbers, where the second starts, and "from".

        "5-10", "5 to 10", "between 5 and 10"; after "from", "to" may come a few words later
        ("from $36,040 at 10.45pm last night to $34,935"). None when no second number follows,
        or for "and" without "between" and "by $43.6 billion to $419.2 billion" (a change and a
        level).
        """
        after = text[cand.end : cand.end + 60]
        lead = text[max(0, cand.start - 30) : cand.start]
        cue = self._approx_before.search(lead)  # "from about 12 points to 8 points"
        before = lead[: cue.start(1) if cue else len(lead)][-10:].lower().rstrip()
        came_from = before.endswith("from")
        sep = RANGE_SEP.match(after) or (_FROM_TO.match(after) if came_from else None)
        if not sep:
            return None
        word = sep.group(0).split()[-1]
        if word == "and" and not before.endswith("between"):
            return None
        if word == "to" and cand.has_unit and before.endswith(" by"):
            return None
        return word, cand.end + sep.end(), came_from

    def _read_range(self, text: str, cand: Found, token_at: TokenAt) -> bool:
        """Extend `cand` over "-N", "to N", "and N" (after "between") when a second number follows.

        Returns False when the number is half of a bare hyphen pair ("2-1", "16-18"): a score,
        an address or a code, not a quantity.
        """
        found = self._range_separator(text, cand)
        if found is None:
            return True
        word, rest_start, came_from = found
        rest = text[rest_start : rest_start + 60]
        prefix = ""
        cur = self._currency_start.match(rest)
        if cur:
            prefix = cur.group(0)
            code = prefix.strip()
            if cand.kind != "money" or self._currency.get(code, ("", ""))[0] != cand.unit:
                return True
        m = re.match(rf"^{re.escape(prefix)}({DIGITS})(?![\d])", rest)
        if not m:
            return True
        if re.match(r"^[\s-]?(?:st|nd|rd|th)\b", rest[m.end() :]):
            return True
        value = parse_digits(m.group(1))
        if value is None:
            return True
        second = Found(start=rest_start, end=rest_start + m.end(), value=value)
        end = self._read_scale_and_unit(text, second, rest_start + m.end(), allow_abbrev=cand.kind == "money")
        if end is None or (second.kind == "money" and second.unit != cand.unit):
            return True  # "110 JPY to 1 USD": a rate of exchange, not a range
        if cand.kind == "money" and not second.has_unit:  # "$62 and $68 per share": read as money
            second = Found(start=second.start, end=second.end, value=value)
            second.kind, second.unit, second.currency = cand.kind, cand.unit, cand.currency
            end = self._read_scale_and_unit(text, second, rest_start + m.end(), allow_abbrev=True)
            if end is None:
                return True
        if second.unit != cand.unit and cand.unit is not None and (second.has_unit or second.kind == "money"):
            if second.unit and cand.unit and second.unit.startswith(cand.unit + " per "):
                cand.unit = second.unit
            else:
                return True
        if cand.has_unit and not second.has_unit and cand.kind != "money" and not came_from:
            # "rose 64.06 points to 4,577.10": a change and a level, not a range ("from 208 pounds
            # to 193" is one)
            return True
        if not cand.has_unit and not second.has_unit and cand.kind != "money" and word == "-":
            return False
        low_scale = second.value / value if value else 1.0
        first_value = cand.value
        if low_scale > 1 and cand.value < value:
            # "5-10 million": the scale of the second applies to the first
            first_value = cand.value * low_scale
        if second.value < first_value and not came_from:
            return _tally_not_range(cand, second, word)
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

    def _read_word_range(self, text: str, cand: Found) -> None:
        after = text[cand.end : cand.end + 40]
        m = re.match(rf"^\s+to\s+({DIGITS}|{number_words_regex()})(?![\d])", after, re.IGNORECASE)
        if not m:
            return
        second_text = m.group(1)
        second = parse_digits(second_text) if second_text[:1].isdigit() else parse_number_words(second_text)
        if second is None:
            return
        probe = Found(start=0, end=0, value=second)
        end = self._read_scale_and_unit(text, probe, cand.end + m.end(), allow_abbrev=False)
        if end is None or not probe.has_unit:
            return
        if cand.has_unit and probe.unit != cand.unit:
            return
        cand.unit, cand.kind, cand.currency, cand.has_unit = probe.unit, probe.kind, probe.currency, True
        cand.low, cand.high = min(cand.value, second), max(cand.value, second)
        cand.end = end


def _tally_not_range(cand: Found, second: Found, word: str) -> bool:
    """Read "A to B" with A above B (no "from" before) as two numbers, not a range.

    "led 73 percent to 63 percent", "confirmed 92 to 0", "passed 38–11": a result or a vote,
    highest first; a range is written low to high. The first takes the unit written once after
    the second ("won 52 to 38 percent"); a bare pair joined by a dash or "-to-" ("38–11",
    "a 5-to-4 vote") is a score or a ratio and no quantity.
    """
    if word != "to" and not cand.has_unit and not second.has_unit:
        return False
    if second.has_unit and not cand.has_unit:
        cand.unit, cand.kind, cand.currency, cand.has_unit = second.unit, second.kind, second.currency, True
    return True


def _in_single_quotes(text: str, start: int) -> bool:
    """Tell whether a single quote opens shortly before `start` and is not closed before it.

    "the 'core four'", "its first ''400'' list": the mark after the number closes the quote.
    """
    opened = _QUOTE_OPEN.search(text[max(0, start - 45) : start])
    return opened is not None and (opened.group(1) == "" or opened.group(1)[0].isalnum())
