"""Rule tests of the events component: a hoped-for or expected act is no deed.

"X hopes Y will do it" is X's wish, whatever form "hope" takes ("hopes", "is hoping", "had hoped") and
however many aspect verbs stand between it and the act ("will start reaching out", "to continue to
cooperate"). When the one who hopes is the one who would act ("we hope to sign"), it is an intent.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in analysis.events if e.confidence >= EVENT_MIN_CONFIDENCE]


def test_hopes_every_form_of_hope(analyze_text: Analyze) -> None:
    """ "hopes" is "hope" as much as "hoping" and "hoped" are, whether another is to act or the hoper."""
    for text in (
        "The minister hopes that Kenya will sign the treaty with Somalia.",
        "The minister hopes Kenya will meet Somalia next week.",
    ):
        assert _confident(analyze_text(text)) == [], text
    for text in (
        "Israel hopes to meet Iran next week.",
        "Israel is hoping to meet Iran next week.",
        "Israel hoped to meet Iran next week.",
    ):
        assert [e.type for e in analyze_text(text).events] == ["AGREE"], text
