"""Rule tests of the events component: a clash of words is no ASSAULT.

A fight named by a modifier of words, law or politics ("a legal battle"), fought with words ("a war of
words"), over an issue that is no ground ("clashed over the zoning plan"), or between two single people
("the clash between the mayor and the governor") is an argument; a fight with an armed side, over ground,
or one the sentence tells harm of stays an ASSAULT."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _assaults(analysis: Analysis) -> list[str]:
    return [e.trigger.text for e in analysis.events if e.type == "ASSAULT"]


def test_verbal_clashes_two_office_holders_argue(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "The ministry said it was following the heated clash between the mayor and the governor."
    )
    assert _assaults(analysis) == []
    analysis = analyze_text(
        "Aid was paused after the clash between President Anna Berg and Prime Minister Luis Kova."
    )
    assert _assaults(analysis) == []


def test_verbal_clashes_war_of_words_is_no_assault(analyze_text: Analyze) -> None:
    analysis = analyze_text("The two ministers fought a bitter war of words over the port deal.")
    assert _assaults(analysis) == []


def test_verbal_clashes_over_an_issue_is_an_argument(analyze_text: Analyze) -> None:
    analysis = analyze_text("Farmers and the water board clashed over the new irrigation fees on Monday.")
    assert _assaults(analysis) == []


def test_verbal_clashes_force_stays_an_assault(analyze_text: Analyze) -> None:
    """Guards: an armed side, ground fought over, or harm keep the fight."""
    analysis = analyze_text("Troops clashed with militants near the town, the army said.")
    assert _assaults(analysis) == ["clashed"]
    analysis = analyze_text("Villagers clashed over grazing land, leaving three dead.")
    assert _assaults(analysis) == ["clashed"]
    analysis = analyze_text("Rebels and soldiers clashed over the weekend near the border.")
    assert _assaults(analysis) == ["clashed"]


def test_verbal_clashes_at_an_occasion_of_talk_is_an_argument(analyze_text: Analyze) -> None:
    analysis = analyze_text("The two hopefuls clashed at Tuesday's debate in Ohio.")
    assert _assaults(analysis) == []
    analysis = analyze_text("The union leaders clashed with the board during a tense session on Friday.")
    assert _assaults(analysis) == []
