"""Rule tests of the events component: "wage" is a conflict word that is also a figure of speech, so a
battle waged in an election (a word of `campaign_context` or `verbal_context`) or with no one fought is no
assault, while a war waged on a country keeps its ASSAULT."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident, sides

Analyze = Callable[..., Analysis]


def test_waged_figures_a_battle_waged_in_an_election_is_no_assault(analyze_text: Analyze) -> None:
    for text in (
        "Three other candidates waged a bitter battle for second place in the New Hampshire primary.",
        "The two senators waged a fierce battle for the nomination in the primary.",
    ):
        assert confident(analyze_text(text), "ASSAULT") == [], text


def test_waged_figures_a_war_waged_on_a_country_keeps_its_assault(analyze_text: Analyze) -> None:
    analysis = analyze_text("Russia has waged a brutal war against Ukraine since 2022.")
    assert sides(analysis, "ASSAULT") == [("Russia", "Ukraine")]
