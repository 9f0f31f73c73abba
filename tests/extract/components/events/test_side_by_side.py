"""Rule tests of the events component: conjoined subjects whose verb names its own partner or complement
("sided with Kyiv", "pledged to act", "talked with him") did it side by side and are not source and target
of each other; a two-sided verb standing alone or with "each other"/"together" keeps the two sides."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.models import Analysis, Event

Analyze = Callable[..., Analysis]


def _event(analysis: Analysis, word: str) -> Event | None:
    return next((e for e in analysis.events if e.trigger.text.lower().startswith(word)), None)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("France and Germany sided with Kyiv.", "sided"),
        ("Germany and France pledged to act quickly.", "pledged"),
        ("The mayor and his wife have often talked with him.", "talked"),
    ],
)
def test_side_by_side_partner_is_no_pair(analyze_text: Analyze, text: str, word: str) -> None:
    """A partner phrase, an infinitive or a "with" partner: the conjuncts are not each other's target."""
    event = _event(analyze_text(text), word)
    assert event is None or event.target_text is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Senator Mary Kane and Governor Tom Hale met in Boston on Tuesday.", "met"),
        ("Senator Mary Kane and Governor Tom Hale talked with each other.", "talked"),
        ("Germany and France pledged to cooperate on energy.", "pledged"),
        ("Germany and France pledged to work together.", "pledged"),
    ],
)
def test_side_by_side_reciprocal_keeps_pair(analyze_text: Analyze, text: str, word: str) -> None:
    """A two-sided verb alone, "with each other", an infinitive of a two-sided act: still two sides."""
    event = _event(analyze_text(text), word)
    assert event is not None
    assert event.target_text is not None


@pytest.mark.parametrize(
    ("second", "word"),
    [
        ("They sided with the farmers on Friday.", "sided"),
        ("They welcomed the decision on Friday.", "welcomed"),
    ],
)
def test_side_by_side_pair_they_acts_together(analyze_text: Analyze, second: str, word: str) -> None:
    """A "they" standing for the last meeting's pair, in a deed done side by side: no pair split."""
    first = "Senator Mary Kane and Governor Tom Hale met in Boston on Tuesday. "
    event = _event(analyze_text(first + second), word)
    assert event is None or event.target_text is None


def test_side_by_side_gathering_for_a_summit_keeps_pair(analyze_text: Analyze) -> None:
    """A "for" phrase (a purpose, here a two-sided event) is no partner: the gathered meet each other."""
    event = _event(analyze_text("Scientists and diplomats gathered for the summit in Paris."), "gathered")
    assert event is not None
    assert event.target_text is not None
