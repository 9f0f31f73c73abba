"""Rule tests of the events component: support is given to someone — a SUPPORT event of one actor with
no one supported named is a weak reading (under `EVENT_MIN_CONFIDENCE`); a pledge of one actor
(AGREE) and support of a named party stay confident; the party supported may stand "behind" the
support ("threw her support behind X", "rallied behind X")."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis, type_: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.source_text, e.target_text)
        for e in analysis.events
        if e.type == type_ and e.confidence >= EVENT_MIN_CONFIDENCE
    ]


def test_counterparts_support_of_no_one_is_weak(analyze_text: Analyze) -> None:
    for text in (
        "Brazil does not recognize the new fishing quota as binding.",  # a view of a thing
        "The governor warmly welcomed the shipment of new buses.",  # a delivery, no party
    ):
        assert _confident(analyze_text(text), "SUPPORT") == [], text


def test_counterparts_support_of_a_party_and_a_pledge_stay(analyze_text: Analyze) -> None:
    backed = analyze_text("The foreign minister said Norway strongly supports Ghana in the dispute.")
    assert [target for _source, target in _confident(backed, "SUPPORT")] == ["Ghana"]
    pledged = analyze_text("The Swedish government pledged 20 million dollars in flood relief on Monday.")
    assert [source for source, _target in _confident(pledged, "AGREE")] == ["The Swedish government"]


def test_counterparts_support_thrown_or_rallied_behind_a_party(analyze_text: Analyze) -> None:
    thrown = analyze_text("The mayor of Leeds threw her support behind Senator Jane Okafor on Thursday.")
    assert _confident(thrown, "SUPPORT") == [("The mayor of Leeds", "Senator Jane Okafor")]
    rallied = analyze_text("The farmers' unions rallied behind the agriculture minister after the vote.")
    assert _confident(rallied, "SUPPORT") == [("The farmers' unions", "the agriculture minister")]
