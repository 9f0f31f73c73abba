"""Rule tests: a description in apposition with a name, or two roles joined by "and" before one name,
is that one person.

"The mayor of Lisbon, Helen Marsh," is Helen Marsh though the parser hangs her name on "Lisbon"
(a place is no person), and so is a later "she" that goes back to the description; "the Peruvian
reporter and BBC host Helen Marsh" and "the poet and activist Helen Marsh" are one side, not two.
"The wife of the mayor, Helen Marsh," (a person in the office phrase) and "the mayor and the police
chief" (two determiners) stay as they are."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis, Event
from tests.support.events import entity_names

Analyze = Callable[..., Analysis]


def _only(analysis: Analysis, type_: str) -> Event:
    (event,) = [e for e in analysis.events if e.type == type_]
    return event


def test_name_after_an_office_phrase_is_the_office_holder(analyze_text: Analyze) -> None:
    """The name the parse hangs on the office's place names the mayor; "she" goes back to her."""
    a = analyze_text(
        "The mayor of Lisbon, Helen Marsh, said that the city paid no money. "
        "She also said she would visit Brazil next month."
    )
    visit = _only(a, "AGREE")
    assert entity_names(a, visit.source) == ["Helen Marsh"]


def test_person_in_the_office_phrase_keeps_the_name_apart(analyze_text: Analyze) -> None:
    """ "The wife of the mayor, Helen Marsh,": the name may be the mayor's, no reading."""
    a = analyze_text("The wife of the mayor, Helen Marsh, accused the council of lying.")
    accuse = _only(a, "ACCUSE")
    assert accuse.source_text == "The wife of the mayor"


def test_two_roles_before_one_name_are_one_person(analyze_text: Analyze) -> None:
    """ "reporter and BBC host Helen Marsh", "poet and activist Helen Marsh": one side, the person."""
    a = analyze_text("Two men tried to kill the Peruvian reporter and BBC host Helen Marsh in Lisbon.")
    kill = _only(a, "ASSAULT")
    assert entity_names(a, kill.target) == ["Helen Marsh"]
    b = analyze_text("The poet and activist Helen Marsh accused the council of lying.")
    accuse = _only(b, "ACCUSE")
    assert entity_names(b, accuse.source) == ["Helen Marsh"]


def test_two_determiners_make_two_people(analyze_text: Analyze) -> None:
    """ "the mayor and the police chief Helen Marsh": the mayor is a side of its own."""
    a = analyze_text("Protesters accused the mayor and the police chief Helen Marsh of lying.")
    accuse = _only(a, "ACCUSE")
    assert len(accuse.target) == 2
