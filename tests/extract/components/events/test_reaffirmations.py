"""Rule tests of the events component: what is reaffirmed makes "reaffirm" an event or not.

Reaffirming a commitment is AGREE; reaffirming a statement ("that …") or a concern is saying it again,
no event.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def test_reaffirmations_a_concern_or_a_statement_is_no_agreement(analyze_text: Analyze) -> None:
    """ "reaffirmed their deep concerns over …", "is reaffirming that …": no AGREE."""
    for text in (
        "The two prime ministers reaffirmed their deep concerns over the fighting in Sudan.",
        "The police chief is reaffirming that the inquiry into the mayor is independent.",
    ):
        assert [e.type for e in analyze_text(text).events if e.trigger.text == "reaffirmed"] == [], text
        assert [e.type for e in analyze_text(text).events if e.trigger.text == "reaffirming"] == [], text


def test_reaffirmations_a_commitment_stays_an_agreement(analyze_text: Analyze) -> None:
    """ "reaffirmed their commitment to …": AGREE."""
    events = analyze_text("Kenya and Uganda reaffirmed their commitment to the peace process.").events
    assert [e.type for e in events] == ["AGREE"]
