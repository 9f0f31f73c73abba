"""Rule tests of the events component: every side a sentence lists in an argument's slot is an actor of
that role (`_lists`): a conjunct that owns a pronoun's possession ("X and his aides") is a side of its
own, the names an "including" or "such as" phrase lists after an actor group are its named members, and
a second object the parser hangs on the verb is a second target; a list of kinds, not names, adds no one,
and a group that is no actor lends its list to no one."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_listed_sides_an_owned_conjunct_of_an_event_noun_is_a_side(analyze_text: Analyze) -> None:
    analysis = analyze_text("The prosecutor ordered the arrest of Senator Halvorsen and his aides.")
    assert sides(analysis, "COERCE") == [("The prosecutor", "Senator Halvorsen ; his aides")]


def test_listed_sides_an_owned_conjunct_of_a_verb_is_a_side(analyze_text: Analyze) -> None:
    analysis = analyze_text("Police detained the governor and his advisers on Friday.")
    assert sides(analysis, "COERCE") == [("Police", "the governor ; his advisers")]


def test_listed_sides_including_names_the_members(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "The government has requested assistance from aid agencies, including Oxfam and the Red Cross."
    )
    assert sides(analysis, "REQUEST") == [("The government", "aid agencies ; Oxfam ; the Red Cross")]


def test_listed_sides_such_as_names_the_members(analyze_text: Analyze) -> None:
    analysis = analyze_text("The mayor criticized several unions, such as Unite and the GMB, for the strike.")
    assert sides(analysis, "ACCUSE") == [("The mayor", "several unions ; Unite ; the GMB")]


def test_listed_sides_a_second_object_on_the_verb(analyze_text: Analyze) -> None:
    analysis = analyze_text("Police arrested the mayor and two of his deputies.")
    assert sides(analysis, "COERCE") == [("Police", "the mayor ; his deputies")]


def test_listed_sides_a_list_of_kinds_adds_no_one(analyze_text: Analyze) -> None:
    analysis = analyze_text("The army killed ten people, including two children.")
    assert sides(analysis, "ASSAULT") == [("The army", "ten people")]


def test_listed_sides_a_group_that_is_no_actor_lends_no_list(analyze_text: Analyze) -> None:
    analysis = analyze_text("Reinforcements arrived from abroad, including Canada and Norway.")
    assert analysis.events == []


def test_listed_sides_a_common_noun_listed_after_an_actor_is_a_side(analyze_text: Analyze) -> None:
    analysis = analyze_text("Soldiers detained a nurse, interpreter and a driver on Monday.")
    assert sides(analysis, "COERCE") == [("Soldiers", "a nurse ; interpreter ; a driver")]


def test_listed_sides_others_listed_after_a_name_are_a_side(analyze_text: Analyze) -> None:
    analysis = analyze_text("Canada and others have accused Venezuela of rigging the vote.")
    assert sides(analysis, "ACCUSE") == [("Canada ; others", "Venezuela")]


def test_listed_sides_a_listed_act_is_no_side(analyze_text: Analyze) -> None:
    analysis = analyze_text("Senator Hale criticized the governor and his appointments on Tuesday.")
    assert sides(analysis, "ACCUSE") == [("Senator Hale", "the governor")]
