"""Rule tests of the events component: conjoined subjects of a verb that is no two-sided act and names
nothing after it ("arrived in Nairobi", "hosted at the palace", "voted in favour") did it side by side and
are not source and target of each other; a two-sided verb or a verb of coming together ("consulted",
"gathered") keeps the two sides."""

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
        ("The prime minister and her deputy arrived in Nairobi on Sunday.", "arrived"),
        ("The king and his wife hosted at the palace on Friday.", "hosted"),
        ("Britain and France voted in favour of the resolution.", "voted"),
    ],
)
def test_co_doers_are_no_pair(analyze_text: Analyze, text: str, word: str) -> None:
    """A journey, a hosting, a vote: the conjuncts are not each other's counterpart."""
    event = _event(analyze_text(text), word)
    assert event is None or event.target_text is None, text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The foreign ministers of Chile and Peru consulted on Monday.", "consulted"),
        ("Delegates from Sudan and Chad gathered in Geneva.", "gathered"),
        ("The rebels and the army negotiated for weeks.", "negotiated"),
    ],
)
def test_co_doers_coming_together_keeps_pair(analyze_text: Analyze, text: str, word: str) -> None:
    """A two-sided verb or a verb of coming together: still the two sides."""
    event = _event(analyze_text(text), word)
    assert event is not None, text
    assert event.target_text is not None, text
