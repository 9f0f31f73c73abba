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


def test_permits_a_thing_reported_goes_on_allowing(analyze_text: Analyze) -> None:
    """ "X says the law is …, and allows Y to …": the parse joins "allows" to "says", but it is the law
    that allows; a person subject of the reported clause leaves the speaker's permission alone."""
    for text in (
        (
            "The president says the new law is directed at the banks, and allows the treasury to freeze "
            "their accounts."
        ),
        "The governor says the new rule is aimed at landlords, and allows tenants to withhold rent.",
    ):
        assert "allows" not in _triggers(analyze_text(text)), text
    kept = "The general says the rebels are defeated, and allows journalists to visit the front."
    assert "allows" in _triggers(analyze_text(kept))
