"""Rule tests of the events component: what is left of a dead person ("the body of X", "X's remains", "his
grave") is a thing, not the person: harm done to it by no one named is no event, and its owner is no target
(`_remains.py`). A body of an organisation stays the organisation, and people with a body stay people."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _harm(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type in ("ASSAULT", "COERCE")]


def test_remains_harm_to_a_dead_persons_body_is_no_event(analyze_text: Analyze) -> None:
    for text in (
        "The body of Margaret Hale, the retired judge, was reportedly looted at a funeral home in Ohio.",
        "The remains of three firefighters were looted before the burial, the family said.",
        "Officials said the corpse of the missing journalist had been looted.",
    ):
        assert _harm(analyze_text(text)) == [], text


def test_remains_owner_is_no_target(analyze_text: Analyze) -> None:
    """A named doer keeps the deed, done to the body, not to the dead person."""
    looted = analyze_text("Grave robbers looted the body of Margaret Hale last winter.")
    assert [t for _, t in _harm(looted)] != ["Margaret Hale"]


def test_remains_bodies_of_organisations_and_mourners_stay(analyze_text: Analyze) -> None:
    mourners = analyze_text("Gunmen attacked the mourners carrying the body of the slain commander.")
    assert _harm(mourners) == [("Gunmen", "the mourners")]
    council = analyze_text("Rebels attacked the governing body of the province on Monday.")
    assert len(_harm(council)) == 1
