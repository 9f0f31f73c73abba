"""Rule tests of the events component: holding or taking someone hostage is hostage-taking.

CAMEO codes "HOLD … HOSTAGE" and "TAKE … HOSTAGE" 181 (abduct, hijack, take hostage; PLOVER ASSAULT,
mode abduct), not a detention (173, COERCE) nor the taking of a place (ASSAULT, mode occupy). Kidnapped and
then held hostage is one act: one event, its sides gathered from both verbs.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis, Event

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis) -> list[Event]:
    return [e for e in analysis.events if e.confidence >= EVENT_MIN_CONFIDENCE]


def test_hostages_holding_hostages_is_an_abduction(analyze_text: Analyze) -> None:
    """ "is holding forty hostages", "were holding the tourists hostage": ASSAULT/abduct by the holders."""
    for text, source in (
        ("The militia said it was holding forty hostages in the hills.", "The militia"),
        ("The kidnappers are holding the tourists hostage in the mountains.", "The kidnappers"),
    ):
        events = _confident(analyze_text(text))
        assert [(e.type, e.mode) for e in events] == [("ASSAULT", "abduct")], text
        assert events[0].source_text == source, text


def test_hostages_taking_hostages_is_no_occupation(analyze_text: Analyze) -> None:
    """ "had taken many hostages": an abduction, not the seizure of a place."""
    events = _confident(analyze_text("The gunmen said they had taken many hostages at the station."))
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "abduct")]


def test_hostages_kidnapped_and_held_hostage_is_one_act(analyze_text: Analyze) -> None:
    """ "were abducted and held hostage by the armed group": one abduction, by the group, of them."""
    text = "The two journalists were abducted and held hostage by the armed group."
    events = _confident(analyze_text(text))
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "abduct")]
    assert events[0].source_text == "the armed group"
    assert events[0].target_text == "The two journalists"


def test_hostages_prisoners_held_by_a_state_stay_a_detention(analyze_text: Analyze) -> None:
    """ "holds hundreds of political prisoners" is a detention (COERCE), not hostage-taking."""
    events = _confident(analyze_text("The government holds hundreds of political prisoners."))
    assert [e.type for e in events] == ["COERCE"]
