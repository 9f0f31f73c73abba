"""Quantities written in words: "twenty-eight thousand", "thousands", "roughly half", "one in five".

"One" counts only where it is a number, not a pronoun ("one of them" is, "no one" is not).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.extract.components._numbers import (
    parse_digits,
    parse_number_words,
    word_values,
)
from newsgraph.extract.components._quantities_lexicon import WORD_BEFORE, Found, TokenAt, minus_word
from newsgraph.extract.components._quantities_nouns import NounReader
from newsgraph.extract.components._quantities_units import UnitReader


class WordReader(UnitReader, NounReader):
    """Find the quantities written in words, vague plurals and fractions."""

    def _word_candidates(self, doc: Doc, text: str, token_at: TokenAt) -> list[Found]:
        out: list[Found] = []
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
            half = self._joined_fraction(text, phrase, start, end)
            if half:  # "two and a half million", "a million and a quarter", "two and one-half percent"
                phrase, part, end = half
            value = parse_number_words(phrase)
            if value is None:
                continue
            if first in self._scales and re.search(r"\d[\s-]$", before):
                continue  # the scale of a number in digits ("9.12 million"), read with the digits
            if half:
                value += part * _last_step(phrase)
            elif phrase.lower() == "one" and text[end : end + 1] == "-":
                continue  # "one-time", "one-off"
            if self._number_only_before_of(text, phrase, end):
                continue
            if (
                not half
                and phrase.lower() in ("one", "score", "dozen")
                and not self._one_is_number(doc, text, token_at, start, end, before)
            ):
                continue
            if phrase[:1].isupper() and WORD_BEFORE.search(before):
                prev_word = WORD_BEFORE.search(before)
                if (
                    prev_word is not None
                    and prev_word.group(1)[:1].isupper()
                    and not self._approx_before.search(before)
                ):
                    continue  # "Apple One", "Formula One"
            cand = Found(start=start, end=end, value=value, core_end=end, words=True)
            vague = self._vague_before_scale.search(before) if first in self._scales else None
            if vague:  # "several hundred troops"
                cand.start, cand.approximate = start - (len(before) - vague.start(1)), True
            if minus_word(text, start):
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
            if cand.unit is None and phrase.lower() == "one" and not cand.approximate and not half:
                continue  # "One provides immunization": a pronoun, not a count
            out.append(cand)
        return out

    def _joined_fraction(self, text: str, phrase: str, start: int, end: int) -> tuple[str, float, int] | None:
        """Read a written fraction joined by "and" to the whole number `phrase` ending at `end`.

        "two and a half", "two and one-half", "one and two-thirds", "three-and-three-quarters",
        "a million and a quarter". Returns the whole's own words (the run of number words takes
        the fraction's count word with it: "two and one|-half"), the fraction's value and where it
        ends. Only a proper fraction ("and three-quarters", not "and five-quarters"); "a third",
        "a fifth" only before a unit or a scale word ("two and a third percent"), elsewhere they
        are ordinals ("police held two and a third man fled").
        """
        match = None
        tail = _LAST_AND.search(phrase) if "and" in phrase.lower() else None
        if tail is not None:
            match = self._and_fraction.match(text, start + tail.start())
            if match is not None and match.end() > end:
                phrase = phrase[: tail.start()]
            else:
                match = None
        if match is None:
            match = self._and_fraction.match(text, end)
        if match is None:
            return None
        part = self._proper_fraction(match)
        if part is None:
            return None
        if match.group("count").lower() in ("a", "an") and match.group("frac").lower() not in _NOT_ORDINAL:
            rest = text[match.end() : match.end() + 40]
            if not (self._scale_word.match(rest) or self._unit_spaced.match(rest)):
                return None
        return phrase, part, match.end()

    def _proper_fraction(self, match: re.Match[str]) -> float | None:
        """Return the value of the fraction a match's `count` and `frac` write, if under one."""
        count, frac = match.group("count").lower(), match.group("frac").lower()
        if count in ("a", "an", "one") and frac.endswith("s"):
            return None  # "one and one-thirds"
        part = self._small.get(count, 1.0) * self._fractions[frac]
        return part if 0 < part < 1 else None

    def _one_is_number(
        self, doc: Doc, text: str, token_at: TokenAt, start: int, end: int, before: str
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

    def _vague_candidates(self, doc: Doc, text: str, token_at: TokenAt) -> list[Found]:
        out: list[Found] = []
        for match in self._vague_re.finditer(text):
            phrase = match.group(0).lower()
            if self._number_only_before_of(text, phrase, match.end()):
                continue
            low, high = self._vague[phrase]
            value = self._vague_values.get(phrase, low)
            cand = Found(
                start=match.start(), end=match.end(), value=value, low=low, high=high, core_end=match.end()
            )
            if phrase in self._vague_values:
                cand.low = cand.high = None
            cand.approximate = True
            self._finish(doc, text, cand, token_at)
            out.append(cand)
        return out

    def _written_fraction(self, text: str, match: re.Match[str], token_at: TokenAt) -> bool:
        """Tell whether "third", "quarter", … without "of" after it is a share, not an ordinal.

        A count word hyphened to it ("two-thirds were girls", "down one-third") or a count of two
        or more before a plural ("two thirds agreed"; not "quarters", which may be a year's) makes
        a share; "a"/"one" does after an approximation cue or "by" ("less than a third agreed",
        "cut by a fifth"), unless it modifies a noun ("by a third party", "a fourth country").
        Joined by a hyphen to the next word it is part of a compound ("a quarter-century").
        """
        count = (match.group("count") or "").lower()
        frac = match.group("frac").lower()
        if not count or text[match.end() : match.end() + 1] == "-":
            return False
        if text[match.start("count") : match.start("frac")] == count + "-":
            return True
        if count not in ("a", "an", "one"):
            return frac.endswith("s") and frac != "quarters"
        before = text[max(0, match.start() - 30) : match.start()]
        if not (self._approx_before.search(before) or re.search(r"(?i)\bby\s+$", before)):
            return False
        tok = token_at(match.start("frac"))
        return tok is None or not (tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"))

    def _read_half_scale_money(self, text: str, cand: Found) -> None:
        """Give "half a million dollars" its currency; other nouns after it stay counted nouns.

        Only money: a capitalised abbreviation after it is more often a name than a unit ("half a
        dozen HP directors").
        """
        probe = Found(start=cand.start, end=cand.end, value=cand.value, core_end=cand.core_end)
        end = self._read_scale_and_unit(text, probe, cand.end, allow_abbrev=False)
        if end is not None and probe.kind == "money":
            cand.end, cand.unit, cand.currency = end, probe.unit, probe.currency
            cand.kind, cand.has_unit = "money", True

    def _half_of_scale(self, text: str, match: re.Match[str]) -> bool:
        """Tell whether "half" may halve a scale word after it: alone or after "a", not "two and a half".

        "half a million", "a half-billion dollars", "a half-dozen slogans"; "two and a half million"
        is a number of its own.
        """
        count_word = (match.group("count") or "").lower()
        if match.group("frac").lower() != "half" or count_word not in ("", "a", "an"):
            return False
        return not (
            count_word and re.search(r"(?i)\band\s+$", text[max(0, match.start() - 6) : match.start()])
        )

    def _part_of_a_unit(self, text: str, match: re.Match[str]) -> Found | None:
        """Read a fraction of a unit as that much of the unit.

        "half an hour", "half a percentage point", "a fifth of a percent", "three quarters of a
        mile", and the compounds of "half" and "quarter" with the unit: "a quarter-century", "a
        half-hour". Only a unit of the lexicon ("half a glass", "a third of a loaf" stay shares) and
        not a scale word ("a quarter of a million" counts, read by the caller).
        """
        after = text[match.end() : match.end() + 80]
        count_word = (match.group("count") or "").lower()
        frac = match.group("frac").lower()
        if self._of_a_scale.match(after):
            return None  # "a quarter of a million people": a count, read by the caller
        if self._half_of_scale(text, match) and self._half_scale.match(after):
            return None  # "half a dozen"
        if not count_word:
            link = _ARTICLE.match(after) if frac == "half" else None
        elif frac in ("half", "quarter"):
            link = _OF_AN.match(after) or _COMPOUND.match(after)
        else:
            link = _OF_AN.match(after)
        if link is None:
            return None
        pos = match.end() + link.end()
        if self._scale_word.match(text[pos : pos + 40]):
            return None  # "a quarter million people": a count, read elsewhere
        value = self._small.get(count_word, 1.0) * self._fractions[frac]
        cand = Found(start=match.start(), end=match.end(), value=value, core_end=match.end())
        end = self._read_scale_and_unit(text, cand, pos, allow_abbrev=False)
        if end is None or not cand.has_unit:
            return None
        cand.end = end
        return cand

    def _unit_and_fraction_candidates(self, doc: Doc, text: str, token_at: TokenAt) -> list[Found]:
        """Read "a year and a half", "an hour and a quarter", "a mile and three quarters" as 1.5, 1.25, 1.75.

        Only a unit of the lexicon: "a day and a half" is 1.5 days, "a man and a half" nothing. "a
        third", "a fifth" not before a noun: "a week and a third day" is an ordinal.
        """
        out: list[Found] = []
        for match in self._unit_and_fraction.finditer(text):
            entry = self._unit_entry(match.group("unit"))
            if entry is None or entry[1] == "money":
                continue
            part = self._proper_fraction(match)
            if part is None or self._ordinal_before_noun(match, token_at):
                continue
            cand = Found(start=match.start(), end=match.end(), value=1.0 + part, core_end=match.end())
            cand.unit, cand.kind, cand.currency = entry
            cand.has_unit = True
            self._finish(doc, text, cand, token_at)
            out.append(cand)
        return out

    def _ordinal_before_noun(self, match: re.Match[str], token_at: TokenAt) -> bool:
        """Tell whether "a third", "a fifth" of a match is an ordinal: a noun or adjective follows."""
        if match.group("count").lower() not in ("a", "an") or match.group("frac").lower() in _NOT_ORDINAL:
            return False
        tok = token_at(match.start("frac"))
        if tok is None or tok.i + 1 >= len(tok.doc):
            return False
        return tok.doc[tok.i + 1].pos_ in ("NOUN", "PROPN", "ADJ")

    def _fraction_candidates(self, doc: Doc, text: str, token_at: TokenAt) -> list[Found]:
        out: list[Found] = []
        for match in self._fraction_re.finditer(text):
            if match.group("frac"):
                frac = match.group("frac").lower()
                count_word = (match.group("count") or "").lower()
                part = self._part_of_a_unit(text, match)
                if part is not None:  # "half an hour", "a fifth of a percent", "a quarter-century"
                    self._finish(doc, text, part, token_at)
                    out.append(part)
                    continue
                if not count_word and frac not in ("half",):
                    continue
                after = text[match.end() : match.end() + 40]
                if frac.startswith("quarter") and re.match(
                    r"^[\s-]*(?:of\s+(?:19|20)\d\d|results|earnings)", after
                ):
                    continue
                if (
                    frac not in ("half", "halves")
                    and not re.match(r"^\s+of\b", after)
                    and not self._of_a_scale.match(after)
                    and not self._written_fraction(text, match, token_at)
                ):
                    continue
                if (
                    frac == "half"
                    and not re.match(r"^\s+(?:of|a|an|the)\b", after)
                    and not (self._half_of_scale(text, match) and self._half_scale.match(after))
                    and not self._approx_before.search(text[max(0, match.start() - 30) : match.start()])
                ):
                    continue
                count = self._small.get(count_word, 1.0) if count_word else 1.0
                value = count * self._fractions[frac]
                of_scale = self._of_a_scale.match(after)
                if of_scale:  # "a quarter of a million people": a count, not a share
                    cand = Found(start=match.start(), end=match.end() + of_scale.end(), value=value)
                    cand.value *= self._scales[of_scale.group(1).lower()]
                    cand.core_end = cand.end
                    self._read_half_scale_money(text, cand)
                    self._finish(doc, text, cand, token_at)
                    out.append(cand)
                    continue
                scaled = self._half_scale.match(after) if self._half_of_scale(text, match) else None
                if scaled:
                    # "half a million": a count, not a fraction
                    scale = self._scales.get(
                        scaled.group(1).lower(), 12.0 if scaled.group(1).lower() == "dozen" else 100.0
                    )
                    cand = Found(start=match.start(), end=match.end() + scaled.end(), value=0.5 * scale)
                    cand.core_end = cand.end
                    self._read_half_scale_money(text, cand)
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
            cand = Found(start=match.start(), end=match.end(), value=value, unit="fraction", kind="fraction")
            cand.has_unit = True
            cand.core_end = match.end()
            self._finish(doc, text, cand, token_at)
            out.append(cand)
        return out


# a fraction after "and" adds that much of the whole's last step: "two and a half" 2.5, "a million and a
# quarter" 1,250,000, "a dozen and a half" 18; a scale word after it scales the whole ("two and a half
# million"). `_LAST_AND` is the last "and" of a run of number words, which may be the fraction's count
# ("two and one" of "two and one-half").
_LAST_AND = re.compile(r"[\s-]+and[\s-]+[a-z]+$", re.IGNORECASE)
_NOT_ORDINAL = frozenset({"half", "quarter"})  # "a third", "a fifth" may be ordinals; "a half" may not

_ARTICLE = re.compile(r"^\s+an?(?=\s)")  # "half an hour"
_OF_AN = re.compile(r"^[\s-]+of[\s-]+an?(?=[\s-])", re.IGNORECASE)  # "a fifth of a percent"
_COMPOUND = re.compile(r"^(?=[\s-])")  # "a quarter-century", "a half-hour": the unit right after


def _last_step(phrase: str) -> float:
    """Return what one unit of a number phrase's last word is worth: 1, or its scale ("a million": 1e6)."""
    last = re.split(r"[\s-]+", phrase.strip().lower())[-1]
    kind, value = word_values().get(last, ("unit", 1.0))
    return value if kind == "scale" or last == "dozen" else 1.0
