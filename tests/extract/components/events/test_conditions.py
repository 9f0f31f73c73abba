"""Rule tests of the events component: a simple-present clause under "if" states a rule, not an event."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis) -> list[tuple[str, str]]:
    return [
        (e.type, e.trigger.text)
        for e in analysis.events
        if e.confidence >= EVENT_MIN_CONFIDENCE and not e.negated
    ]


def test_conditions_a_rule_under_if_is_no_event(analyze_text: Analyze) -> None:
    """ "if the visa expires, the migrant is expelled": what the law does, not what happened."""
    for text in (
        "If a visa expires and the appeal fails, the migrant is usually expelled from Canada.",
        "Unless the fee is paid, the police arrest the driver.",
    ):
        assert _confident(analyze_text(text)) == [], text


def test_conditions_a_threat_a_past_deed_or_an_ongoing_act_stays(analyze_text: Analyze) -> None:
    """A condition on "will" is a threat; a past or an ongoing act under "if" happened."""
    assert _confident(analyze_text("If the talks fail, the army will attack the rebels.")) == [
        ("THREATEN", "attack")
    ]
    assert ("COERCE", "arrested") in _confident(
        analyze_text("The police arrested the driver on Monday if he could not pay the fee.")
    )
    assert ("THREATEN", "threatening") in _confident(
        analyze_text("Ankara is threatening retaliation against Washington if it is hit by sanctions.")
    )


def test_conditions_a_present_clause_of_time_is_still_to_come(analyze_text: Analyze) -> None:
    """ "until X negotiates", "before Y meets": English puts a future in the present there; a past
    clause of time ("until the army attacked") happened."""
    for text in (
        "The miners will stay on strike until the company negotiates a new deal with the union.",
        "Rebels plan to hold the town before the government meets the opposition leaders.",
    ):
        kept = _confident(analyze_text(text))
        assert ("CONSULT", "negotiates") not in kept and ("CONSULT", "meets") not in kept, text
    kept = _confident(
        analyze_text("The miners stayed on strike until the company negotiated with the union.")
    )
    assert ("CONSULT", "negotiated") in kept
