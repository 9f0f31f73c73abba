"""Rule tests of the events component: an intent to cooperate (AGREE from an intention: a pledge, a plan,
a willingness) is meant for someone — one with no one named it is meant for is a weak reading (under
`EVENT_MIN_CONFIDENCE`); the same intent with its counterpart named stays confident, and so does a
threat, which needs no one named."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.type, e.source_text, e.target_text)
        for e in analysis.events
        if e.confidence >= EVENT_MIN_CONFIDENCE
    ]


def test_intents_of_no_one_named_are_weak(analyze_text: Analyze) -> None:
    for text in (
        "The energy minister said Poland will cooperate fully.",
        "The finance minister said Greece would accept the new terms.",
    ):
        assert _confident(analyze_text(text)) == [], text


def test_intents_with_a_counterpart_or_a_threat_stay(analyze_text: Analyze) -> None:
    cooperate = analyze_text("The prime minister said Chile will cooperate with Peru on border security.")
    assert ("AGREE", "Chile", "Peru") in _confident(cooperate)
    retaliate = analyze_text("The army chief said Sudan would retaliate against Chad.")
    assert [t for t, _s, target in _confident(retaliate) if target == "Chad"] == ["THREATEN"]
    vowed = analyze_text("A spokesman said the rebels would retaliate.")
    assert _confident(vowed) == [("THREATEN", "the rebels", None)]
