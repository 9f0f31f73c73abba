"""The first-character lookahead (`regex_start`): it holds where a word can begin, and never changes
the matches of the pattern it is put before."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.extract.components._numbers import number_words_regex
from newsgraph.extract.regex_start import first_chars_lookahead, pattern_lookahead


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


def test_regex_start_pattern_lookahead_reads_the_first_items_of_each_alternative() -> None:
    assert pattern_lookahead(r"\b(?:last|next)\s+week|(?P<n>\d+) days?", re.IGNORECASE) == r"(?=[ln\d])"
    assert pattern_lookahead(r"(?<![\d$])(?:the\s+)?(?P<y>1[6-9]\d\d|20\d\d)") == "(?=[t12])"
    assert pattern_lookahead(r"(?:early\s+)?[A-Z][a-z]+|'\d0s") == r"(?=[eA-Z'])"


def test_regex_start_pattern_lookahead_promises_nothing_where_any_character_can_begin() -> None:
    for pattern in (
        r"(?:the\s+)?.*day",
        r"[^a-z]+\d",
        r"(?:\s+)?",
        r"(?P<a>x)?(?P=a)y",
        r"x*y*",
        r"(?i)monday",
    ):
        assert pattern_lookahead(pattern) == "", pattern
    assert pattern_lookahead(r"(?i:m)onday") == ""  # a case-folding group in a case-sensitive pattern
    assert pattern_lookahead(r"(?-i:M)onday", re.IGNORECASE) == "(?=[M])"  # folds wider: safe


def _same_matches(pattern: str, flags: int, text: str) -> None:
    guarded = re.compile(pattern_lookahead(pattern, flags) + pattern, flags)
    bare = re.compile(pattern, flags)
    for pos, endpos in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
        found = [(m.span(), m.groups()) for m in guarded.finditer(text, pos, endpos)]
        assert found == [(m.span(), m.groups()) for m in bare.finditer(text, pos, endpos)], pattern


_PATTERNS = (
    (r"(?<![\w'’-])(?:(?:early|late)\s+)?(?P<m>jan|june?|sept?)\.?\s+(?P<d>[12]?\d)(?![\w])", re.IGNORECASE),
    (r"(?<![\d.:$])(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.?m\.?)", re.IGNORECASE),
    (r"(?:the\s+)?['’](?P<d>\d0)s\b|\b(?:every|each)\s+(?:other\s+)?week", re.IGNORECASE),
    (r"(?<![\d$€,.])(?P<year>1[6-9]\d\d|20\d\d)(?![\d%])", 0),
    (r"\bſtrasse|\bkelvin|\bİstanbul", re.IGNORECASE),
)


def test_regex_start_pattern_lookahead_leaves_the_matches_unchanged() -> None:
    text = (
        "Early Jan. 5 and late SEPT 30, at 9:45 a.m. or 11 PM; the ’90s and the '80s, every other week. "
        "In 1999 and 2014 (not $2015 nor 2016% nor 1,2020). The ſtrasse, the KELVIN scale, İSTANBUL."
    )
    for pattern, flags in _PATTERNS:
        _same_matches(pattern, flags, text)


@given(st.text(alphabet=st.sampled_from(list("aejnmpstwkly19250 .:$'’-\tſKİıS")), max_size=80))
def test_regex_start_pattern_lookahead_never_changes_matches_on_random_text(text: str) -> None:
    for pattern, flags in _PATTERNS:
        _same_matches(pattern, flags, text)
