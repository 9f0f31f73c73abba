"""Rule tests of the events component: "offer" with a noun object is an intent to cooperate only when it
offers what the CAMEO dictionary's OFFER patterns code (aid, talks, mediation, money …), not an employer's
terms nor a view presented."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _offers(analysis: Analysis) -> list[str]:
    return [e.type for e in analysis.events if e.trigger.text.lower().startswith("offer")]


@pytest.mark.parametrize(
    "text",
    [
        "Ford and General Motors offered buyout packages to thousands of their workers.",
        "The governor offered a preview of her budget on Friday.",
        "The defense minister offered a bleak assessment of the war.",
    ],
)
def test_offered_things_no_coded_thing_is_no_event(analyze_text: Analyze, text: str) -> None:
    """An employer's packages to its staff, a preview or an assessment presented: no intent to cooperate."""
    assert _offers(analyze_text(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Norway offered mediation between the two sides.",
        "Egypt offered to host the talks in Cairo.",
        "Japan offered aid to the Philippines after the typhoon.",
        "Kuwait offered $50 million to the relief effort in Yemen.",
        "The president offered an olive branch to the opposition.",
    ],
)
def test_offered_things_coded_offers_stay(analyze_text: Analyze, text: str) -> None:
    """A pattern of the OFFER block, an infinitive, an event noun or a sum of money: still an AGREE."""
    assert _offers(analyze_text(text)) == ["AGREE"]
