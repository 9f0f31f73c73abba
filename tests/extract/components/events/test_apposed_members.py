"""Rule tests of the events component: a plural group noun followed by an apposed list of names ("Four
countries — Kenya, Uganda, Ghana and Peru — pledged …") has each named member as a side of its role, as an
"including" list has; one name after a group noun is its name, not a list. A people's adjective conjoined
to a named side is a side too ("the Germans, Dutch and Belgians"; "U.S., French, Chinese and Mexican
representatives")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.models import Analysis, Event

Analyze = Callable[..., Analysis]


def _event(analysis: Analysis, word: str) -> Event | None:
    return next((e for e in analysis.events if e.trigger.text.lower().startswith(word)), None)


@pytest.mark.parametrize(
    ("text", "word", "names"),
    [
        (
            "Four countries — Kenya, Uganda, Ghana and Peru — pledged to send doctors to Haiti.",
            "pledged",
            ["Kenya", "Uganda", "Ghana", "Peru"],
        ),
        (
            "Five nations, Chile, Peru, Bolivia, Ecuador and Colombia, signed the treaty with Brazil.",
            "signed",
            ["Chile", "Peru", "Bolivia", "Ecuador", "Colombia"],
        ),
        (
            "The two leading Democrats, Maria Lopez and Senator John Carter, criticized the plan.",
            "criticized",
            ["Maria Lopez", "John Carter"],
        ),
        (
            "The envoy was criticized by United Nations, U.S., French, Chinese and Russian delegates "
            "on Monday.",
            "criticized",
            ["French", "Chinese", "Russian"],
        ),
    ],
)
def test_listed_members_are_sides(analyze_text: Analyze, text: str, word: str, names: list[str]) -> None:
    """Every name of the list is a source with its group."""
    event = _event(analyze_text(text), word)
    assert event is not None, text
    assert all(n in (event.source_text or "") for n in names), (text, event.source_text)


@pytest.mark.parametrize(
    "text",
    [
        "Two senators, Maria Lopez and John Carter, criticized the governor on Tuesday.",
        "The governor was criticized by two senators, Maria Lopez and John Carter.",
    ],
)
def test_a_person_once(analyze_text: Analyze, text: str) -> None:
    """A description that stands for the persons it lists gives each of them once."""
    event = _event(analyze_text(text), "criticized")
    assert event is not None
    assert event.source_text == "Maria Lopez ; John Carter", text


def test_one_name_is_the_group_s_name(analyze_text: Analyze) -> None:
    """One name after a group noun names the group: no second side."""
    event = _event(analyze_text("One charity, Water for Villages, criticized the minister."), "criticized")
    assert event is not None
    assert ";" not in (event.source_text or "")
