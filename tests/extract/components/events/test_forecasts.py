"""Rule tests of the events component: forecasts and acts still to come are not reported acts.

A nominal event that is the subject of a future or hedged predicate ("cooperation will likely grow",
"is expected to deepen") is a guess about it, not a report of it; a verb in the future tense ("will
investigate", "is going to ask") is an act announced, still to come, and carries the mode `intend`.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis) -> list[tuple[str, str | None, str]]:
    return [(e.type, e.mode, e.trigger.text) for e in analysis.events if e.confidence >= EVENT_MIN_CONFIDENCE]


def test_forecasts_a_foretold_relationship_is_no_event(analyze_text: Analyze) -> None:
    """ "X's cooperation with Y will likely grow", "is expected to deepen": an observer's guess."""
    for text in (
        "Germany's trade cooperation with Chile and Peru will likely grow slowly, analysts said.",
        "Canada's military cooperation with Norway is expected to deepen next year.",
        "Brazil's cooperation with Argentina will probably expand.",
        "Perhaps Russia will oppose any move in this direction.",
    ):
        assert _confident(analyze_text(text)) == [], text


def test_forecasts_a_reported_relationship_stays(analyze_text: Analyze) -> None:
    """The same noun in a past clause is reported as it was."""
    events = analyze_text("Sweden's cooperation with Finland grew quickly last year.").events
    assert [(e.type, e.source_text, e.target_text) for e in events] == [("COOPERATE", "Sweden", "Finland")]


def test_forecasts_an_act_in_the_future_tense_is_intended(analyze_text: Analyze) -> None:
    """ "will investigate", "is going to ask", "said he would urge": announced, still to come."""
    assert _confident(analyze_text("A new panel will investigate the mayor's contracts.")) == [
        ("ACCUSE", "intend", "investigate")
    ]
    assert _confident(analyze_text("The prosecutor will accuse the mayor of fraud.")) == [
        ("ACCUSE", "intend", "accuse")
    ]
    urged = analyze_text("The governor said he would urge the council to reconsider the plan.")
    assert _confident(urged) == [("REQUEST", "intend", "urge")]
    accused = analyze_text("The prosecutor accused the mayor of fraud.")
    assert _confident(accused) == [("ACCUSE", None, "accused")]


def test_forecasts_a_tensed_act_joined_to_a_future_clause_is_done(analyze_text: Analyze) -> None:
    """ "… said the firm would close its plant, and blamed the union": "blamed" is told in the past,
    whatever the parse joins it to, so it takes no intent mode."""
    text = "The mayor predicted that the firm would close its plant within a year, and blamed the union."
    assert ("ACCUSE", None, "blamed") in _confident(analyze_text(text))
