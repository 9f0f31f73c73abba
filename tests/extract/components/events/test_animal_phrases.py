"""Rule tests of the events component: the head of a noun phrase decides whether it names animals
(`_animal_phrases.py`). "Pig farmers", "cattle rustlers" and "animal welfare campaigners" are people whatever
animal word modifies them; "the dogs" and "thousands of goats" stay no actors."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import side_names

Analyze = Callable[..., Analysis]


def test_animal_phrases_a_people_head_is_a_source(analyze_text: Analyze) -> None:
    a = analyze_text("Angry pig farmers protested outside the agriculture ministry in Warsaw on Tuesday.")
    assert side_names(a, "protested")[0] == ["Angry pig farmers"]


def test_animal_phrases_an_agent_head_is_a_source(analyze_text: Analyze) -> None:
    a = analyze_text("Armed cattle rustlers attacked a village in northern Uganda, police said.")
    assert side_names(a, "attacked")[0] == ["Armed cattle rustlers"]


def test_animal_phrases_a_modifier_of_a_modifier(analyze_text: Analyze) -> None:
    a = analyze_text("Animal welfare campaigners accused the Spanish government of ignoring the law.")
    assert side_names(a, "accused") == (["Animal welfare campaigners"], ["Spanish government"])


def test_animal_phrases_animals_stay_no_actors(analyze_text: Analyze) -> None:
    a = analyze_text("Thousands of goats attacked the crops, the governor of Kano said.")
    assert not any(e.source for e in a.events if e.trigger.text == "attacked")
