"""The first-character lookahead (`regex_start`): it holds where a word can begin, and never changes
the matches of the pattern it is put before."""

from __future__ import annotations

import re

from newsgraph.extract.components._numbers import number_words_regex
from newsgraph.extract.regex_start import first_chars_lookahead


def test_regex_start_holds_before_each_words_first_character_in_either_case() -> None:
    guard = re.compile(first_chars_lookahead(["one", "Two", "half"]))
    assert [m.start() for m in guard.finditer("O-t-h-H-q-x-z-5")] == [0, 2, 4, 6]


def test_regex_start_digits_and_no_words() -> None:
    assert re.match(first_chars_lookahead(["a"], digits=True), "7 of 10")
    assert not re.match(first_chars_lookahead(["a"]), "7 of 10")
    never = re.compile(first_chars_lookahead([]))
    assert never.search("anything at all") is None


def test_regex_start_escapes_characters_special_in_a_class() -> None:
    guard = re.compile(first_chars_lookahead(["^caret", "-dash", "]bracket", "\\slash"]))
    assert [m.start() for m in guard.finditer("x^-]\\a")] == [1, 2, 3, 4]


def test_regex_start_leaves_the_number_word_matches_unchanged() -> None:
    text = (
        "Twenty-five hundred marchers, then ONE more; a dozen or so. Someone said seventy thousand "
        "and six, not 'tone' nor 'often'. Fifty-odd boats; one-time, sixty-seven, NINETY and ſix."
    )
    guarded = re.compile(number_words_regex(), re.IGNORECASE)
    bare = re.compile(number_words_regex().split(")", 1)[1], re.IGNORECASE)  # without the lookahead
    assert guarded.pattern.startswith("(?=[") and not bare.pattern.startswith("(?=")
    found = [m.span() for m in guarded.finditer(text)]
    assert found == [m.span() for m in bare.finditer(text)]
    assert text[found[0][0] : found[0][1]] == "Twenty-five hundred"
