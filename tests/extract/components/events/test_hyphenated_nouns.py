"""Rule tests of the events component: an event noun written with a hyphen ("sit-in", "walk-out",
"cease-fire") is read whole, though the tokenizer splits it in three."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident

Analyze = Callable[..., Analysis]


def test_hyphenated_a_sit_in_is_a_protest(analyze_text: Analyze) -> None:
    """ "staged a sit-in": the event noun "sit-in", not the word "in"."""
    a = analyze_text("About 200 nurses staged a sit-in outside the health ministry on Monday.")
    [event] = confident(a, "PROTEST")
    assert (event.mode, event.source_text) == ("demo", "About 200 nurses")
    assert "sit-in" in event.trigger.text


def test_hyphenated_a_walk_out_is_a_strike(analyze_text: Analyze) -> None:
    """ "began a walk-out": the lexicon's "walkout", written with a hyphen."""
    a = analyze_text("Dock workers began a walk-out at the port on Tuesday.")
    assert [(e.mode, e.source_text) for e in confident(a, "PROTEST")] == [("strike", "Dock workers")]


def test_hyphenated_a_declared_cease_fire_is_a_ceasefire(analyze_text: Analyze) -> None:
    """ "declared a cease-fire" reads as "declared a ceasefire"; the fire of a cease-fire is no attack."""
    for text in ("The militia declared a cease-fire on Friday.", "The militia declared a ceasefire today."):
        a = analyze_text(text)
        assert [e.mode for e in confident(a, "RETREAT")] == ["ceasefire"], text
        assert confident(a, "ASSAULT") == [], text
