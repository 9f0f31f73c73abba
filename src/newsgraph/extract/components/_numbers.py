"""Shared number reading for the quantities and times components: digits and number words.

Reads the lexicon `number_words.json`. `parse_number_words` turns a run of English number words
("twenty-eight thousand six hundred forty-two", "a dozen", "three") into a value; `parse_digits`
reads a digit string with thousands separators ("6,650", "1.3", ".001").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from newsgraph.extract.lexicons import load_json
from newsgraph.extract.regex_start import first_chars_lookahead


@cache
def number_lexicon() -> dict[str, Any]:
    """Return the number-word lexicon (cached)."""
    return load_json("number_words.json")  # type: ignore[no-any-return]


@cache
def word_values() -> dict[str, tuple[str, float]]:
    """Return number word -> (class, value); class is `unit`, `ten` or `scale`."""
    lex = number_lexicon()
    out: dict[str, tuple[str, float]] = {}
    for word, value in lex["units"].items():
        out[word] = ("unit", float(value))
    for word, value in lex["tens"].items():
        out[word] = ("ten", float(value))
    for word, value in lex["scales"].items():
        out[word] = ("scale", float(value))
    return out


@cache
def number_words_regex() -> str:
    """Return a regex alternation (no groups) matching one run of number words."""
    words = sorted(word_values(), key=len, reverse=True)
    word = r"(?:" + "|".join(re.escape(w) for w in words) + r")"
    return rf"{first_chars_lookahead(words)}\b{word}(?:(?:\s+|-)(?:and\s+)?{word})*\b"


_SPLIT = re.compile(r"[\s-]+")


def parse_number_words(text: str) -> float | None:
    """Return the value of a run of number words, or None when it is not one number.

    "a" before a scale or "dozen" counts as one ("a million", "a dozen").
    """
    values = word_values()
    total = 0.0
    current = 0.0
    seen = False
    for raw in _SPLIT.split(text.lower().strip()):
        if not raw or raw == "and":
            continue
        if raw in ("a", "an") and not seen:
            current = 1.0
            seen = True
            continue
        entry = values.get(raw)
        if entry is None:
            return None
        kind, value = entry
        seen = True
        if kind == "scale":
            if value == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * value
                current = 0.0
        elif raw == "dozen":
            current = (current or 1.0) * 12
        else:
            current += value
    if not seen:
        return None
    return total + current


def parse_digits(text: str) -> float | None:
    """Return the value of a digit string such as `6,650`, `1.3` or `.001`, else None."""
    cleaned = text.replace(",", "").replace("\u2212", "-")
    try:
        return float(cleaned)
    except ValueError:
        return None
