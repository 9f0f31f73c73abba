"""Rule tests of the events component: wrong senses of "strike" and "fire back".

The verb "strike" is a labour strike only when workers or their union strike (`_walkouts`); "fire back at"
is a retort unless an armed party fires it (the frames of `plover_triggers.json`).
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]


def test_walkouts_strike_with_no_workers_is_no_protest(analyze_text: Analyze) -> None:
    """An idea, a tone, a deal or an attack struck by someone who is no worker is no walkout."""
    for text in (
        "After an hour of waiting, the travellers struck on a clever plan to reach the ferry.",
        "The senator struck hopeful notes similar to those his rival had sounded.",
        "The bombers struck in 1998 and again two years later.",
    ):
        assert not any(t == "PROTEST" for t, _ in confident_triggers(analyze_text(text))), text


def test_walkouts_workers_still_strike(analyze_text: Analyze) -> None:
    """Workers, nurses, employees (also "thousands of …" and "who struck") keep the walkout."""
    for text in (
        "Thousands of nurses are striking across the province this week.",
        "The miners struck on Tuesday.",
        "Bus drivers struck for higher wages in the capital.",
    ):
        assert "PROTEST" in [t for t, _ in confident_triggers(analyze_text(text))], text


def test_walkouts_fire_back_is_a_retort(analyze_text: Analyze) -> None:
    """A politician who "fired back at" a critic shot nobody."""
    for text in (
        "The governor fired back at the mayor over the budget shortfall.",
        "The minister took to Twitter to fire back at her critics.",
    ):
        assert not any(t == "ASSAULT" for t, _ in confident_triggers(analyze_text(text))), text


def test_walkouts_armed_parties_still_fire_back(analyze_text: Analyze) -> None:
    """Soldiers who fire back at gunmen, and anyone who fires at a crowd, still shoot."""
    assert ("ASSAULT", "fired") in confident_triggers(
        analyze_text("Soldiers fired back at the gunmen near the border.")
    )
    assert ("ASSAULT", "fired") in confident_triggers(
        analyze_text("A gunman fired at the crowd outside the stadium.")
    )
