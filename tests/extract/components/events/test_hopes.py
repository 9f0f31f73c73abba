"""Rule tests of the events component: a hoped-for or expected act is no deed.

"X hopes Y will do it" is X's wish, whatever form "hope" takes ("hopes", "is hoping", "had hoped") and
however many aspect verbs stand between it and the act ("will start reaching out", "to continue to
cooperate"). When the one who hopes is the one who would act ("we hope to sign"), it is an intent.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]


def test_hopes_the_wish_reaches_through_an_aspect_verb(analyze_text: Analyze) -> None:
    """ "is hoping the government will start negotiating": the hope, not "start", governs the act."""
    for text in (
        "The senator is hoping the government will begin negotiating with Iran.",
        "The envoy is hoping the junta will start talking to the rebels.",
        "The opposition wants the government to keep supporting the farmers.",
    ):
        assert confident_triggers(analyze_text(text)) == [], text
    assert ("ASSAULT", "attack") in confident_triggers(
        analyze_text("The army continued to attack the rebels.")
    )


def test_hopes_an_own_aim_through_an_aspect_verb_is_an_intent(analyze_text: Analyze) -> None:
    """ "X wants to continue to sell weapons": the seller's intent (CAMEO 03), not a sale."""
    events = analyze_text("Germany wants to continue to sell weapons to Poland.").events
    assert [(e.type, e.mode, e.target_text) for e in events] == [("AGREE", "intend", "Poland")]
    events = analyze_text("The rebels want to keep attacking the capital.").events
    assert [(e.type, e.trigger.text) for e in events] == [("THREATEN", "attacking")]


def test_hopes_every_form_of_hope(analyze_text: Analyze) -> None:
    """ "hopes" is "hope" as much as "hoping" and "hoped" are, whether another is to act or the hoper."""
    for text in (
        "The minister hopes that Kenya will sign the treaty with Somalia.",
        "The minister hopes Kenya will meet Somalia next week.",
    ):
        assert confident_triggers(analyze_text(text)) == [], text
    for text in (
        "Israel hopes to meet Iran next week.",
        "Israel is hoping to meet Iran next week.",
        "Israel hoped to meet Iran next week.",
    ):
        assert [e.type for e in analyze_text(text).events] == ["AGREE"], text
