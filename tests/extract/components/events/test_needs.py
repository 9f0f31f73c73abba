"""Rule tests of the events component: "need" tells of a want or an obligation, not of a request."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def test_needs_a_want_is_no_request(analyze_text: Analyze) -> None:
    """ "X needs support", "the party needs new leaders", "does not need a defense": nobody is asked."""
    for text in (
        "The governor needs more support from farmers to win the election.",
        "The opposition party needs new leaders, the union chief told reporters on Sunday.",
        "The senator does not need a defense, his lawyer said.",
    ):
        assert [e.type for e in analyze_text(text).events if e.trigger.text.startswith("need")] == [], text


def test_needs_a_request_word_stays(analyze_text: Analyze) -> None:
    """A real request keeps its type."""
    events = analyze_text("The mayor urged the council to pass the budget.").events
    assert [(e.type, e.trigger.text) for e in events] == [("REQUEST", "urged")]
