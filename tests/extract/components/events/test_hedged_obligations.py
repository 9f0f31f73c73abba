"""Rule tests of the events component: a hedged necessity in a reported clause asks nothing.

"X said Y must/should/has to …" lays an obligation on Y (a REQUEST of X to Y); "X said Y may/might/could/
would have to …" states a necessity that is only possible or met on a condition: no one is asked.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _requests(analysis: Analysis) -> list[str]:
    return [
        e.trigger.text
        for e in analysis.events
        if e.type == "REQUEST" and e.confidence >= EVENT_MIN_CONFIDENCE
    ]


def test_hedged_obligations_a_modal_before_have_to_is_no_request(analyze_text: Analyze) -> None:
    """ "Y may/might/would have to …": a possible or conditional necessity, no demand on Y."""
    for text in (
        "The finance minister said Greece may have to sell some of its state companies next year.",
        "The opposition leader said the government might have to delay the budget vote.",
        "The prime minister said the central bank would have to raise rates if prices kept climbing.",
    ):
        assert _requests(analyze_text(text)) == [], text


def test_hedged_obligations_a_plain_have_to_stays_a_request(analyze_text: Analyze) -> None:
    """ "X said Y has to …" and "X said Y must …" stay a REQUEST of X to Y."""
    for text in (
        "The foreign minister said Serbia has to withdraw its troops from the border.",
        "The foreign minister said Serbia must withdraw its troops from the border.",
    ):
        assert _requests(analyze_text(text)) == ["said"], text
