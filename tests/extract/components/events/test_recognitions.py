"""Rule tests of the events component: "recognize", "accept", "concede" with a clause or an ordinary object.

With a that- or wh-clause these verbs report a belief or an admission, no act toward another actor;
"recognize" is diplomatic recognition (SUPPORT) only of a state, a government, a status or a claim.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]

BELIEF_VERBS = ("recogni", "accept", "conced", "acknowledg", "admit")


def _belief_events(analyze: Analyze, text: str) -> list[tuple[str | None, str]]:
    events = analyze(text).events
    return [(e.type, e.trigger.text) for e in events if e.trigger.text.lower().startswith(BELIEF_VERBS)]


def test_recognitions_a_that_clause_is_no_event(analyze_text: Analyze) -> None:
    """ "recognizes that …", "accepted that …", "conceded that …": a belief or an admission."""
    for text in (
        "The finance minister recognizes that the farmers have suffered a terrible harvest this year.",
        "The mayor of the town accepted that the new bridge would not open before winter.",
        "The senator conceded that his campaign had made serious mistakes in the spring.",
    ):
        assert _belief_events(analyze_text, text) == [], text


def test_recognitions_recognizing_a_quality_is_no_event(analyze_text: Analyze) -> None:
    """ "recognized the anger of …", "recognize the hard work of …": appreciation, no act of state."""
    for text in (
        "The union leaders finally recognized the anger of the workers in the mills.",
        "The governor wants voters to recognize the hard work of the nurses.",
    ):
        assert _belief_events(analyze_text, text) == [], text


def test_recognitions_diplomatic_recognition_stays(analyze_text: Analyze) -> None:
    """A state, a government or a status recognized is SUPPORT."""
    for text in (
        "Several countries recognized the new government of the island in March.",
        "The opposition will no longer recognize the general as president, its leaders said.",
    ):
        types = [t for t, _ in _belief_events(analyze_text, text)]
        assert types and set(types) <= {"SUPPORT", "REJECT"}, text


def test_recognitions_accepting_money_is_no_agreement(analyze_text: Analyze) -> None:
    """ "accepted funding", "accepted millions in donations", "accepted $200,000": receiving, no agreement."""
    for text in (
        "The former minister accepted Chinese funding for the new port.",
        "The senator has accepted millions in campaign donations from the banks.",
        "The mayor accepted about $200,000 from the developers.",
    ):
        assert _belief_events(analyze_text, text) == [], text
    assert [
        t for t, _ in _belief_events(analyze_text, "The rebels accepted the proposal for a ceasefire.")
    ] == ["AGREE"]
