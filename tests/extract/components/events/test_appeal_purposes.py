"""Rule tests of the events component: whom an appeal's purpose serves is not whom it asks.

"appealed for money to help refugees", "launched an appeal for funds to assist flood victims": the
to-infinitive says what the money is for; the refugees and the victims are not asked. The one asked is
the addressee ("appealed to the government") or no one named. A complement ("urged X to release Y")
keeps its target.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _requests(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [
        (e.source_text, e.target_text)
        for e in analysis.events
        if e.type == "REQUEST" and e.confidence >= EVENT_MIN_CONFIDENCE
    ]


def test_appeal_purposes_who_the_help_is_for_is_not_asked(analyze_text: Analyze) -> None:
    """A purpose infinitive after an appeal (verb or noun) names no target."""
    for text, source in (
        ("The charity appealed for blankets to help the stranded villagers.", "The charity"),
        (
            "The Red Cross has launched an appeal for $5 million to assist the families of the miners.",
            "The Red Cross",
        ),
    ):
        assert _requests(analyze_text(text)) == [(source, None)], text


def test_appeal_purposes_the_addressee_and_complements_stay(analyze_text: Analyze) -> None:
    """ "appealed to the council for funds to …" asks the council; "urged X to release Y" asks X."""
    assert _requests(analyze_text("The mayor appealed to the council for funds to repair the school.")) == [
        ("The mayor", "the council")
    ]
    assert _requests(analyze_text("The bishop urged the governor to pardon the prisoners.")) == [
        ("The bishop", "the governor")
    ]
