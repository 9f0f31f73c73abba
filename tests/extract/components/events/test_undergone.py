"""Rule tests of the events component: an event noun that its light verb's subject undergoes ("faced
criticism", "received threats", "came under attack") takes its doer from a "from" phrase, on the noun or
on the verb, and the subject is the target."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_undergone_from_names_the_doer_of_any_type(analyze_text: Analyze) -> None:
    for text, type_, expected in (
        (
            "The mayor of Lyon received death threats from a local gang last spring.",
            "THREATEN",
            ("a local gang", "The mayor of Lyon"),
        ),
        (
            "The finance minister faced sharp criticism from opposition lawmakers on Tuesday.",
            "ACCUSE",
            ("opposition lawmakers", "The finance minister"),
        ),
        (
            "The junta faced new sanctions from the European Union after the vote.",
            "SANCTION",
            ("the European Union", "The junta"),
        ),
    ):
        assert sides(analyze_text(text), type_) == [expected], text


def test_undergone_from_on_the_verb_names_the_doer(analyze_text: Analyze) -> None:
    analysis = analyze_text("The garrison came under heavy attack overnight from rebel fighters.")
    assert sides(analysis, "ASSAULT") == [("rebel fighters", "The garrison")]


def test_undergone_drawing_criticism_is_undergoing_it(analyze_text: Analyze) -> None:
    analysis = analyze_text("The senator drew sharp criticism from opposition lawmakers this week.")
    assert sides(analysis, "ACCUSE") == [("opposition lawmakers", "The senator")]


def test_undergone_loyalists_are_actors(analyze_text: Analyze) -> None:
    analysis = analyze_text("Army posts came under attack from loyalists of the ousted general.")
    assert [source for source, _ in sides(analysis, "ASSAULT")] == ["loyalists of the ousted general"]
