"""Rule tests of the events component: a permission needs someone who grants it.

A person or a body that allows or permits something concedes it; a thing, a fact or an event that
"allows" something only makes it possible, and nobody acts.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _triggers(analysis: Analysis) -> list[str]:
    return [e.trigger.text for e in analysis.events if e.confidence >= EVENT_MIN_CONFIDENCE]


def test_permits_a_demonstrative_that_allows_is_no_one(analyze_text: Analyze) -> None:
    """ "This will allow the government to …": what the speaker's plan makes possible, no agreement."""
    text = '"We will cut the budget," the finance minister said. "This will allow the government to act."'
    assert "allow" not in _triggers(analyze_text(text))


def test_permits_a_result_participle_is_no_second_act(analyze_text: Analyze) -> None:
    """ "…, allowing X to …" after a clause tells the clause's result, not a permission of its subject."""
    for text in (
        "The opposition won the vote in parliament, allowing its leader to form a government.",
        "The army withdrew from the border town, allowing aid agencies to enter.",
    ):
        assert "allowing" not in _triggers(analyze_text(text)), text


def test_permits_a_thing_that_allows_is_no_one(analyze_text: Analyze) -> None:
    """ "forums that allow them to …": the relative clause is about a thing, which grants nothing."""
    text = "The senators met voters at town halls and other forums that allow them to question the mayor."
    assert [e.type for e in analyze_text(text).events if e.trigger.text == "allow"] == []


def test_permits_a_person_or_a_body_still_grants_permission(analyze_text: Analyze) -> None:
    for text, trigger in (
        ("The government allowed aid agencies to enter the besieged city.", "allowed"),
        ("The judge permitted the journalists to attend the trial.", "permitted"),
    ):
        events = analyze_text(text).events
        assert [e.type for e in events if e.trigger.text == trigger] == ["CONCEDE"], text
