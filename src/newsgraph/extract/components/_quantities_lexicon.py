"""The lexicons of the quantities component compiled once: units, currencies, number words.

`QuantityLexicon` reads `units.json` and `number_words.json` into the regular expressions and
tables the readers use; `Found` is one quantity under construction. The readers build on it:
`_quantities_units` (scale words, units, rates, ranges), `_quantities_nouns` (the counted noun,
the base of a share), `_quantities_digits` and `_quantities_words` (the candidates).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from spacy.tokens import Token

from newsgraph.extract.components._numbers import (
    number_lexicon,
    number_words_regex,
)
from newsgraph.extract.lexicons import load_json
from newsgraph.extract.regex_start import first_chars_lookahead
from newsgraph.models import QuantityKind as Kind

TokenAt = Callable[[int], Token | None]

DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
RANGE_SEP = re.compile(r"^(?:-to-|-(?=\$?\d)|\s*[–—]\s*|\s+(?:to|and)\s+)")
WORD_BEFORE = re.compile(r"([A-Za-z][\w&.'’-]*)\s+$")


@dataclass(slots=True)
class Found:
    """One quantity under construction: character span, value and what it measures."""

    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    kind: Kind = "count"
    currency: str | None = None
    approximate: bool = False
    base: str | None = None
    core_end: int = 0
    has_unit: bool = False
    words: bool = False
    noun_end: int = 0
    tallied: bool = False  # the unit is what a tally counts ("the death toll stands at 45")
    notes: list[str] = field(default_factory=list)


class QuantityLexicon:
    """The compiled lexicons (`units.json`, `number_words.json`) the quantity readers share."""

    def __init__(self) -> None:
        """Compile the lexicons into regular expressions and lookup tables."""
        lex = number_lexicon()
        units = load_json("units.json")
        self._unit_forms: dict[str, tuple[str, Kind, str | None]] = {}
        self._unit_forms_ci: dict[str, tuple[str, Kind, str | None]] = {}
        for canonical, (kind, currency, forms) in units["units"].items():
            for form in forms:
                entry = (str(canonical), cast(Kind, kind), currency)
                if len(form) <= 2:
                    self._unit_forms.setdefault(form, entry)
                else:
                    self._unit_forms_ci.setdefault(form.lower(), entry)
        all_forms = sorted({*self._unit_forms, *self._unit_forms_ci}, key=lambda f: (-len(f), f))
        # a unit of two words is also written hyphened before a noun ("a 5,000-square-foot store")
        long_forms = [re.escape(f).replace(r"\ ", "[ -]") for f in all_forms if len(f) > 2]
        short_forms = [re.escape(f) for f in all_forms if len(f) == 2]
        single = [re.escape(f) for f in all_forms if len(f) == 1]
        tail = r"(?![A-Za-z0-9²³])"
        self._unit_spaced = re.compile(
            rf"^(?:\s|-|\s-\s)?(?:(?i:{'|'.join(long_forms)})|{'|'.join(short_forms)}){tail}"
        )
        self._unit_attached = re.compile(rf"^(?:{'|'.join(single)}){tail}")
        self._currency = {k: (v[0], v[1]) for k, v in units["currency_prefixes"].items()}
        not_prefixes = set(units["codes_not_prefixes"])
        for canonical, (kind, code, _forms) in units["units"].items():
            if kind == "money" and code and code not in not_prefixes:
                self._currency.setdefault(code, (str(canonical), code))
        self._folded_currency = {k: (v[0], v[1]) for k, v in units["folded_prefixes"].items()}
        prefixes = sorted(self._currency, key=len, reverse=True)
        self._currency_before = re.compile(
            rf"(?:^|(?<=[\s(\[/–-]))(?:{'|'.join(re.escape(p) for p in prefixes)})\s?$"
        )
        self._currency_start = re.compile(rf"^(?:{'|'.join(re.escape(p) for p in prefixes)})\s?(?=\d)")
        denominators = sorted(units["rate_denominators"], key=len, reverse=True)
        denominator_re = "|".join(re.escape(d) for d in denominators)
        self._rate = re.compile(rf"^(?:\s+(?:per|a|an|each)\s+|\s?/\s?)((?i:{denominator_re}))(?![A-Za-z])")
        self._rate_plural = dict(units["rate_plural"])
        self._convert = {k: (str(v[0]), float(v[1])) for k, v in units["convert"].items()}
        self._quantifiers = frozenset(w.lower() for w in units["quantifier_words"])
        self._time_units = frozenset(units["time_units"])
        self._tallies = {k: frozenset(v) for k, v in units["tally_nouns"].items()}
        self._level_nouns = frozenset(units["level_nouns"])
        ages = "|".join(re.escape(w) for w in units["age_words"])
        self._age_before = re.compile(rf"\b(?:{ages})\s+(?:of\s+)?(?:between\s+)?$", re.IGNORECASE)
        age_verbs = "|".join(re.escape(w) for w in units["age_verbs"])
        self._age_verb_before = re.compile(rf"\b(?:{age_verbs})\s+$", re.IGNORECASE)
        scales = {k: float(v) for k, v in lex["scales"].items()}
        self._scales = scales
        big = "|".join(k for k in scales if k != "hundred")
        # "5.5 million", "4 hundred", "4 hundred million", "$1.75-billion"
        self._scale_word = re.compile(rf"^(?:\s+|-)((?:hundred\s+)?(?:{big})|hundred)\b", re.IGNORECASE)
        abbrev = {k: float(v) for k, v in lex["abbrev_scales"].items()}
        self._abbrev = abbrev
        self._scale_abbrev = re.compile(
            rf"^\s?({'|'.join(sorted(abbrev, key=len, reverse=True))})(?![A-Za-z0-9])"
        )
        self._compile_words(lex)

    def _compile_words(self, lex: dict[str, Any]) -> None:
        """Compile the number-word tables: vague numbers, fractions and the cue words around a number."""
        self._words_re = re.compile(number_words_regex(), re.IGNORECASE)
        vague = {k: (float(v[0]), float(v[1])) for k, v in lex["vague"].items()}
        self._vague = vague
        self._vague_values = {k: float(v) for k, v in lex["vague_values"].items()}
        self._vague_re = re.compile(
            rf"{first_chars_lookahead(vague)}\b"
            rf"(?:{'|'.join(re.escape(v) for v in sorted(vague, key=len, reverse=True))})\b",
            re.IGNORECASE,
        )
        self._fractions = {k: float(v) for k, v in lex["fractions"].items()}
        frac_words = "|".join(sorted(self._fractions, key=len, reverse=True))
        small = ("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
        self._fraction_re = re.compile(
            rf"{first_chars_lookahead([*small, *self._fractions], digits=True)}"
            rf"\b(?:(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?"
            rf"(?P<frac>{frac_words})\b|\b(?P<num>one|two|three|four|five|six|seven|eight|nine|\d+)"
            rf"\s+(?:out\s+of|in|of\s+every|in\s+every)\s+(?P<den>two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
            rf"(?!\s*(?:-|%|percent|per cent))",
            re.IGNORECASE,
        )
        # "two and one-half", "a mile and three quarters": a fraction joined by "and" to what is before it
        and_fraction = (
            rf"[\s-]+and[\s-]+(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
            rf"(?P<frac>{frac_words})\b"
        )
        self._and_fraction = re.compile(and_fraction, re.IGNORECASE)
        # "a year and a half", "an hour and a quarter": one of a unit and a fraction of it
        self._unit_and_fraction = re.compile(
            rf"\b(?:an?|one)[\s-]+(?P<unit>[a-z]+){and_fraction}", re.IGNORECASE
        )
        # "half a million", "half-a-million", "a half-billion", "a half-dozen": half the scale
        self._half_scale = re.compile(
            r"^(?:[\s-]+an?)?[\s-]+(million|billion|trillion|thousand|hundred|dozen)\b", re.IGNORECASE
        )
        # "a quarter of a million", "three-quarters-of-a-billion dollars": a part of the scale
        self._of_a_scale = re.compile(
            r"^[\s-]+of[\s-]+an?[\s-]+(million|billion|trillion|thousand)\b", re.IGNORECASE
        )
        self._small = {"a": 1.0, "an": 1.0, **{k: float(v) for k, v in lex["units"].items()}}
        approx = sorted(lex["approximate"], key=len, reverse=True)
        self._approx_before = re.compile(
            rf"(?:^|(?<=[^\w]))({'|'.join(re.escape(a) for a in approx)})\s*$", re.IGNORECASE
        )
        vague_before = "|".join(re.escape(w) for w in lex["vague_before_scale"])
        self._vague_before_scale = re.compile(rf"\b({vague_before})\s+$", re.IGNORECASE)
        self._ordinal = {s.lower() for s in lex["ordinal_suffixes"]}
        self._not_one = {w.lower() for w in lex["not_one"]}
        self._one_after_not = {w.lower() for w in lex["one_after_not"]}
        self._labels = {w.lower() for w in lex["name_labels"]}
        self._only_before_of = frozenset(w.lower() for w in lex["only_before_of"])
        self._of_after = re.compile(r"^\s+of\b", re.IGNORECASE)
        streets = "|".join(re.escape(w) for w in lex["street_types"])
        # "1600 Pennsylvania Avenue," "68 Court Street in": the street's name closes the phrase
        # ("40 Wall Street banks" counts banks)
        self._street_after = re.compile(
            rf"^(?:\s+[A-Z][\w'’-]*){{1,3}}?\s+(?:{streets})(?!\w)"
            r"(?=\s*(?:[,;:)\]]|\.(?!\w)|$)|\s+(?:in|on|at|near|and|or|is|was|where|which|to|from)\b)"
        )

    def _number_only_before_of(self, text: str, phrase: str, end: int) -> bool:
        """Tell whether a number word stands for no number here: "score" not before "of".

        "scores of people", "a score of jets" count; "credit scores", "he scores a win",
        "students score lower" are the noun or the verb.
        """
        return phrase.lower() in self._only_before_of and not self._of_after.match(text[end : end + 6])

    def _unit_entry(self, form: str) -> tuple[str, Kind, str | None] | None:
        """Return the unit a matched form names; a hyphened form of two words as spaced ("square-foot")."""
        entry = self._unit_forms.get(form) or self._unit_forms_ci.get(form.lower())
        if entry is None and "-" in form:
            entry = self._unit_forms_ci.get(form.lower().replace("-", " "))
        return entry

    def _is_unit_word(self, word: str) -> bool:
        """Tell whether a word is a unit of the lexicon ("ounce", "GHz", "kg")."""
        return word in self._unit_forms or word.lower() in self._unit_forms_ci

    def _denominator(self, word: str) -> str:
        """Return the canonical unit of a rate's denominator ("years" -> "year", "km" -> "kilometre")."""
        low = self._rate_plural.get(word.lower(), word.lower())
        entry = self._unit_forms_ci.get(low) or self._unit_forms.get(word)
        return entry[0] if entry is not None else low


_MINUS_WORD = re.compile(r"(?i)(?<!\bplus or )(?<![a-z])minus[\s-]$")


def minus_word(text: str, start: int) -> bool:
    """Tell whether the word "minus" before `start` makes the number negative ("minus 5 degrees").

    Not in "plus or minus 3.4 percentage points": a margin either way, given as its size.
    """
    return _MINUS_WORD.search(text[max(0, start - 16) : start]) is not None


def claim(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Insert [start, end) into the sorted disjoint spans `taken` unless it overlaps one."""
    i = bisect.bisect_left(taken, (start, start))
    if i > 0 and taken[i - 1][1] > start:
        return False
    if i < len(taken) and taken[i][0] < end:
        return False
    taken.insert(i, (start, end))
    return True
