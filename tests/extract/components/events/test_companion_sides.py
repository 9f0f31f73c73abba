"""Rule tests of the events component: an argument modified by "along with", "together with",
"alongside" or "joined by" and an actor acts with that actor (`_companions`): both are sides of the same
role, on the noun ("X, along with Y, called") or on the verb ("jailed X along with Y"); a thing is no
side, and "with" alone adds no one."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_companion_sides_along_with_on_the_subject(analyze_text: Analyze) -> None:
    analysis = analyze_text("Senator Ostrow, along with Senator Mireille Dane, urged the ministry to resign.")
    assert sides(analysis, "REQUEST") == [("Senator Ostrow ; Senator Mireille Dane", "the ministry")]


def test_companion_sides_together_with_on_the_subject(analyze_text: Analyze) -> None:
    analysis = analyze_text("The president, together with the prime minister, condemned the rebels.")
    assert sides(analysis, "ACCUSE") == [("The president ; the prime minister", "the rebels")]


def test_companion_sides_along_with_on_the_object(analyze_text: Analyze) -> None:
    analysis = analyze_text("The junta jailed the mayor along with three opposition leaders.")
    assert sides(analysis, "COERCE") == [("The junta", "the mayor ; three opposition leaders")]


def test_companion_sides_a_thing_is_no_side(analyze_text: Analyze) -> None:
    analysis = analyze_text("The general, along with his plans, criticized the rebels.")
    assert sides(analysis, "ACCUSE") == [("The general", "the rebels")]


def test_companion_sides_with_alone_adds_no_one(analyze_text: Analyze) -> None:
    analysis = analyze_text("The minister met with the rebels in Geneva.")
    assert all(";" not in (e.source_text or "") for e in analysis.events)


def test_companion_sides_a_companion_is_no_other_side(analyze_text: Analyze) -> None:
    analysis = analyze_text("Norway, along with Denmark, held talks in Oslo on Monday.")
    assert all(e.target_text != "Denmark" for e in analysis.events)


def test_companion_sides_alongside_after_the_object_goes_with_the_doer(analyze_text: Analyze) -> None:
    analysis = analyze_text("Kurdish fighters attacked the militants alongside American troops.")
    assert all("American troops" not in (e.target_text or "") for e in analysis.events)


def test_companion_sides_joined_by_on_the_subject(analyze_text: Analyze) -> None:
    analysis = analyze_text("Governor Hale, joined by Mayor Briggs, urged residents to stay home.")
    assert sides(analysis, "REQUEST") == [("Governor Hale ; Mayor Briggs", "residents")]


def test_companion_sides_along_with_before_the_verb(analyze_text: Analyze) -> None:
    analysis = analyze_text("Along with Sweden, Finland has condemned the raid.")
    assert sides(analysis, "ACCUSE") == [("Sweden ; Finland", None)]


def test_companion_sides_along_with_a_passive_subject(analyze_text: Analyze) -> None:
    analysis = analyze_text("Two police officers were wounded along with three journalists.")
    assert sides(analysis, "ASSAULT") == [(None, "Two police officers ; three journalists")]
