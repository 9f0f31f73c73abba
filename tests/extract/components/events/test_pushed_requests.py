"""Rule tests of the events component: "push X to do" asks X to act.

"push" with an object and that object's to-infinitive is an appeal to the object (REQUEST, the object its
target), as "urge X to" and "press X to" are; with "for" it asks too. The verb's other senses ask no one:
a push to a place or a state ("pushed the country to the brink"), a bill pushed through, and "pushed to do"
with no object (the subject's own effort).
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _requests(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [
        (e.source_text, e.target_text)
        for e in analysis.events
        if e.type == "REQUEST" and e.confidence >= EVENT_MIN_CONFIDENCE and e.trigger.text.startswith("push")
    ]


def test_pushed_requests_an_object_and_its_infinitive_is_a_request(analyze_text: Analyze) -> None:
    """The subject asks the object to do the infinitive's act."""
    for text, source, target in (
        ("Farmers' unions pushed the agriculture ministry to delay the new quotas.", "unions", "ministry"),
        ("Teachers' unions are pushing the education ministry to cancel the exams.", "unions", "ministry"),
        ("Several senators pushed the Pentagon to close the base.", "senators", "Pentagon"),
    ):
        found = _requests(analyze_text(text))
        assert len(found) == 1, (text, found)
        assert source in (found[0][0] or "") and target in (found[0][1] or ""), (text, found)


def test_pushed_requests_other_senses_ask_no_one(analyze_text: Analyze) -> None:
    """To a place or a state, a bill pushed through, a push back, the subject's own effort: no request."""
    for text in (
        "The drought pushed the region to the edge of famine.",
        "The speaker pushed the budget bill through the chamber.",
        "The ministry pushed to simplify the licensing rules.",
        "Army units pushed the insurgents back from the bridge.",
    ):
        assert _requests(analyze_text(text)) == [], text


def test_pushed_requests_push_for_still_asks(analyze_text: Analyze) -> None:
    """What must not change: "push for" is a request with no one named as asked."""
    found = _requests(analyze_text("The nurses' union pushed for a cap on overtime."))
    assert found == [("The nurses' union", None)], found
