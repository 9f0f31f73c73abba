"""Rule tests of the events component: a request with a "for" subject ("called for Israel to withdraw").

The parse reads "for" as the marker of the infinitive clause; the verb's request pattern ("call for",
"press for", "appeal for") still holds, the clause's subject is who is asked and the infinitive is
what is asked, no deed of the one asked. A verb whose "for" asks nothing ("waited for") stays no
request.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (e.type, e.trigger.text, e.source_text, e.target_text)
        for e in analysis.events
        if e.confidence >= EVENT_MIN_CONFIDENCE
    ]


def test_for_clauses_the_for_subject_is_asked(analyze_text: Analyze) -> None:
    """ "called for X to V", "pressed for X to V", "appealed for X to V": a request of X."""
    for text, trigger, source, target in (
        (
            "The European Union called for Serbia to withdraw its police from the north of Kosovo.",
            "called",
            "The European Union",
            "Serbia",
        ),
        (
            "The opposition pressed for the government to raise the minimum wage.",
            "pressed",
            "The opposition",
            "the government",
        ),
        (
            "The Red Cross appealed for the rebels to free the kidnapped aid workers.",
            "appealed",
            "The Red Cross",
            "the rebels",
        ),
    ):
        assert _events(analyze_text(text)) == [("REQUEST", trigger, source, target)], text


def test_for_clauses_the_asked_act_is_no_deed(analyze_text: Analyze) -> None:
    """What is asked ("to withdraw", "to free …") is the request's content, not an event of the one asked."""
    events = analyze_text("The senator called for the army to release the detained protesters.").events
    assert [(e.type, e.trigger.text) for e in events] == [("REQUEST", "called")]


def test_for_clauses_a_for_subject_pronoun_is_asked(analyze_text: Analyze) -> None:
    """ "called for it to cut rates": the pronoun's antecedent is asked, as with "urged it to …"."""
    events = _events(
        analyze_text("The central bank kept rates on hold. The senator called for it to cut rates.")
    )
    assert events == [("REQUEST", "called", "The senator", "The central bank")]


def test_for_clauses_waiting_asks_nothing(analyze_text: Analyze) -> None:
    """ "waited for X to V" has no request pattern: no request."""
    events = analyze_text("The governor waited for the parliament to approve the budget.").events
    assert [e.type for e in events if e.type == "REQUEST"] == []
