"""Rule tests of the events component: a "like" phrase after a plural group noun lists the group's named
members, as "including" and "such as" do ("Several senior Democrats, like Maria Lopez and John Carter,
have endorsed …": both are sources with the group); after one party, or a singular noun, "like" compares
and adds no side ("Kenya, like Uganda, condemned …", "a candidate like John Carter")."""

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
            "Countries like Chile accused the government of fraud after the vote.",
            "accused",
            ["Chile"],
        ),
        (
            "Several senior Democrats, like Maria Lopez and John Carter, have endorsed the governor.",
            "endorsed",
            ["Maria Lopez", "John Carter"],
        ),
        (
            "The mayor was criticized by neighbouring countries like Chile and Peru after the vote.",
            "criticized",
            ["Chile", "Peru"],
        ),
    ],
)
def test_like_list_members_are_sides(analyze_text: Analyze, text: str, word: str, names: list[str]) -> None:
    """Every name of a plural group's "like" list is a source of its own, with the group."""
    event = _event(analyze_text(text), word)
    assert event is not None, text
    sides = (event.source_text or "").split(" ; ")
    assert all(n in sides for n in names) and len(sides) == len(names) + 1, (text, event.source_text)


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        ("Kenya, like Uganda, condemned the attack on the convoy on Sunday.", "condemned", "Uganda"),
        ("A candidate like John Carter would criticize the governor every day.", "criticize", "John Carter"),
    ],
)
def test_like_after_one_party_adds_no_side(analyze_text: Analyze, text: str, word: str, name: str) -> None:
    """After one party, or a singular noun, "like" compares: the party it names is no side of its own."""
    event = _event(analyze_text(text), word)
    assert event is not None, text
    assert len(event.source) == 1, (text, name, event.source_text)
