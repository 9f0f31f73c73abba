"""Rule tests of the events component: what one is able to do is neither done nor intended.

"The militia will be able to shell the town" tells a capacity, not a shelling and not the militia's plan.
Only the simple past or the perfect ("was able to", "have been able to") reports the act, and "unable"
denies it.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis) -> list[tuple[str, bool]]:
    return [(e.type, e.negated) for e in analysis.events if e.confidence >= EVENT_MIN_CONFIDENCE]


def test_abilities_a_capacity_is_no_deed_and_no_intent(analyze_text: Analyze) -> None:
    """ "will be able to", "would be able to", "is able to", "a navy able to": nothing is done or meant."""
    for text in (
        "The militia will be able to shell the town next month.",
        "Officials said the rebels would be able to attack the base within days.",
        "The opposition said it would be able to meet the president next week.",
        "The navy is able to attack Iranian ports.",
        "Israel has a navy able to attack Iranian ports.",
    ):
        assert _confident(analyze_text(text)) == [], text


def test_abilities_the_past_reports_the_act_and_unable_denies_it(analyze_text: Analyze) -> None:
    """ "was able to attack" is an attack; "was unable to attack" a denied one."""
    assert _confident(analyze_text("The navy was able to attack the Iranian ports.")) == [("ASSAULT", False)]
    assert _confident(analyze_text("The navy has been able to attack the Iranian ports.")) == [
        ("ASSAULT", False)
    ]
    assert _confident(analyze_text("The navy was unable to attack the Iranian ports.")) == [("ASSAULT", True)]
