"""Rule tests of the events component: a bare "the <noun>" stands for the one organisation named before it
whose name ends in that noun ("the Northfield Community College" … "the college") even when other
organisations were mentioned since; it is left alone when two such organisations are named, when one more
of that head is spoken of in between, and when the noun is a state's own force ("the army" is no
"Liberation Army")."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _target_names(analysis: Analysis, type_: str) -> list[str | None]:
    names = {e.id: e.name for e in analysis.entities}
    return [names.get(e.target[0]) if e.target else None for e in analysis.events if e.type == type_]


def _source_names(analysis: Analysis, type_: str) -> list[str | None]:
    names = {e.id: e.name for e in analysis.entities}
    return [names.get(e.source[0]) if e.source else None for e in analysis.events if e.type == type_]


def test_named_heads_the_college_across_another_organisation(analyze_text: Analyze) -> None:
    text = (
        "Students of the Northfield Community College marched to the offices of Greenway Energy on "
        "Friday. The mayor urged the college to reopen its library."
    )
    assert _target_names(analyze_text(text), "REQUEST") == ["Northfield Community College"]


def test_named_heads_the_commission_as_a_doer(analyze_text: Analyze) -> None:
    text = (
        "The Lakeland Water Commission met Greenway Energy on Tuesday to discuss the drought. "
        "The commission accused the farmers of wasting water."
    )
    assert _source_names(analyze_text(text), "ACCUSE") == ["Lakeland Water Commission"]


def test_named_heads_not_when_two_of_that_head_are_named(analyze_text: Analyze) -> None:
    text = (
        "Students of the Northfield Community College and the Eastbrook Technical College marched to "
        "the offices of Greenway Energy on Friday. The mayor urged the college to reopen its library."
    )
    names = _target_names(analyze_text(text), "REQUEST")
    assert "Northfield Community College" not in names
    assert "Eastbrook Technical College" not in names


def test_named_heads_not_across_one_more_of_that_head(analyze_text: Analyze) -> None:
    text = (
        "Students of the Northfield Community College marched to the offices of Greenway Energy on "
        "Friday. They were joined by teachers from a nearby college. "
        "The mayor urged the college to reopen its library."
    )
    assert "Northfield Community College" not in _target_names(analyze_text(text), "REQUEST")


def test_named_heads_the_army_is_no_rebel_army(analyze_text: Analyze) -> None:
    text = (
        "The Northern Liberation Army seized a bridge held by Greenway Energy outside the capital on "
        "Sunday. The army attacked the bridge the next morning."
    )
    assert "Northern Liberation Army" not in _source_names(analyze_text(text), "ASSAULT")[1:]


def test_named_heads_not_across_another_of_its_kind(analyze_text: Analyze) -> None:
    text = (
        "Workers of the Lakeland Bottling Company marched to the offices of Toyota on Monday. "
        "The mayor accused the company of breaking the law."
    )
    assert "Lakeland Bottling Company" not in _target_names(analyze_text(text), "ACCUSE")
