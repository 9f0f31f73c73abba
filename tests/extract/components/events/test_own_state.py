"""Rule tests of the events component: a target that is the source's own state (or its own entity) is no
counterpart — a place or a part of the source named for want of one — and is dropped; a part of a state
asking, accusing or protesting against its own state keeps it (`_own_state.py`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _sides(analysis: Analysis) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source_text, e.target_text) for e in analysis.events]


def test_own_state_as_target_is_dropped(analyze_text: Analyze) -> None:
    for text, event in (
        (
            "Colombian President Gustavo Petro sent 5,000 soldiers to Colombia's southern border.",
            ("MOBILIZE", "Colombian President Gustavo Petro", None),
        ),
    ):
        assert event in _sides(analyze_text(text)), text


def test_own_capital_standing_for_the_state_is_no_target(analyze_text: Analyze) -> None:
    text = "Venezuela's ambassador defended Caracas and Moscow's arms deal."
    assert [t for _, _, t in _sides(analyze_text(text)) if t == "Caracas"] == [], text


def test_a_part_asking_its_own_state_or_another_state_stays(analyze_text: Analyze) -> None:
    for text, event in (
        (
            "Brazilian lawmakers urged Brazil to close the mine.",
            ("REQUEST", "Brazilian lawmakers", "Brazil"),
        ),
        (
            "Colombian President Gustavo Petro sent 5,000 soldiers to Ecuador.",
            ("MOBILIZE", "Colombian President Gustavo Petro", "Ecuador"),
        ),
    ):
        assert event in _sides(analyze_text(text)), text


def test_a_side_of_the_sources_own_entity_is_no_target(analyze_text: Analyze) -> None:
    text = (
        "An angry army of Boeing workers and retirees had amassed at the plant, "
        "calling for the chief executive's firing."
    )
    assert [t for _, _, t in _sides(analyze_text(text)) if t == "retirees"] == [], text
