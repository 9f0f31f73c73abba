"""Rule tests of the events component: a named document is no doer.

A common noun of a text as a verb's subject ("the law forbids …") gives no event; a proper name headed by a
document noun ("the Charter", "the Constitution", "the Geneva Convention") is the same text, and what it
calls for, forbids or prohibits is a standing provision, no act. Actors that sign, reject or invoke a named
document keep their events.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis) -> list[tuple[str, str | None]]:
    return [(e.type, e.source_text) for e in analysis.events if e.confidence >= EVENT_MIN_CONFIDENCE]


def test_document_doers_a_named_text_does_nothing(analyze_text: Analyze) -> None:
    """A document's name as the subject of a call, a ban or a prohibition: no event."""
    for text in (
        "The Charter calls on democratic nations to form an alliance against economic coercion.",
        "The Constitution protects judges by forbidding that their salaries be cut.",
        "The Geneva Convention prohibits states from torturing prisoners of war.",
    ):
        assert _events(analyze_text(text)) == [], text


def test_document_doers_actors_acting_on_a_named_text_keep_their_events(analyze_text: Analyze) -> None:
    """Parties that reject or call for a named document still act."""
    found = _events(analyze_text("The Taliban rejected the Doha Agreement on Monday."))
    assert ("REJECT", "The Taliban") in found
    found = _events(analyze_text("Amnesty International called on Kenya to respect the Constitution."))
    assert any(t == "REQUEST" and s == "Amnesty International" for t, s in found)
