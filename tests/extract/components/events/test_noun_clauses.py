"""Rule tests of the events component: a clause on an event noun names its means, never its target, and a
clause of its result names its victims.

"An operation involving army helicopters", "attacks using drones on army posts": what the act is done with is
no target; the party the clause aims at is. "An operation, which resulted in the deaths of nine fighters", "a
raid that led to the deaths of three gang members": the dead are the act's victims, its target, also when the
parse hangs the "which" clause on a name inside the noun's phrase.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident, sides

Analyze = Callable[..., Analysis]


def test_noun_clauses_a_means_is_no_target(analyze_text: Analyze) -> None:
    """The object of "involving" or "using" on an assault noun is its means, the party aimed at its target."""
    for text, target in (
        ("A security operation involving army helicopters went on through the night near the border.", None),
        ("Insurgents carried out two attacks using drones on army posts in the valley.", "army posts"),
    ):
        found = [e.target_text for e in confident(analyze_text(text), "ASSAULT")]
        assert found == [target], (text, found)


def test_noun_clauses_a_result_clause_names_the_victims(analyze_text: Analyze) -> None:
    """The people of the harm noun's "of" phrase in a result clause are the act's target."""
    for text, type_, target in (
        (
            "The army's operation in the hills, which resulted in the deaths of nine rebel fighters, "
            "ended on Sunday.",
            "ASSAULT",
            "nine rebel fighters",
        ),
        (
            "The offensive launched by government troops last week, which resulted in the deaths of 12 "
            "insurgents, continues.",
            "ASSAULT",
            "12 insurgents",
        ),
        (
            "Police carried out a raid on Tuesday that led to the deaths of three gang members.",
            "COERCE",
            "three gang members",
        ),
    ):
        found = [e.target_text for e in confident(analyze_text(text), type_)]
        assert found == [target], (text, found)


def test_noun_clauses_an_object_of_an_aimed_clause_stays_the_target(analyze_text: Analyze) -> None:
    """What must not change: "attacks that targeted the police" aim at the police; a clause of how long an
    act lasted names no one."""
    text = "Gunmen carried out attacks that targeted the police in the northern province."
    found = [e.target_text for e in confident(analyze_text(text), "ASSAULT")]
    assert found == ["the police"], found
    assert sides(
        analyze_text("The army took part in an operation that lasted almost two days."), "ASSAULT"
    ) == [("The army", None)]
