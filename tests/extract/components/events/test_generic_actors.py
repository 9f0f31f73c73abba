"""Rule tests of the events component: a common noun for people ("a suspect", "four vendors") and a
noun a verb asks to act ("urged consumers to …", "asked the commuters to …") is a generic actor,
a GROUP entity of its own, as "protesters" and "officials" are; a name inside the phrase still comes
first."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _targets(a: Analysis, trigger: str) -> list[tuple[str, str]]:
    """The (name, type) of the target entities of the event with this trigger word."""
    event = next(e for e in a.events if e.trigger.text == trigger)
    return [(g.name, g.type) for g in (a.entity(i) for i in event.target) if g is not None]


def test_generic_actors_a_person_noun_is_a_group(analyze_text: Analyze) -> None:
    a = analyze_text("Police in Lagos arrested three street vendors on Friday after a riot in the market.")
    assert _targets(a, "arrested") == [("street vendors", "GROUP")]


def test_generic_actors_the_doer_a_verb_asks_for_is_a_group(analyze_text: Analyze) -> None:
    a = analyze_text("The transport ministry asked the commuters to avoid the central station until Monday.")
    assert _targets(a, "asked") == [("commuters", "GROUP")]


def test_generic_actors_a_name_in_the_phrase_comes_first(analyze_text: Analyze) -> None:
    a = analyze_text("Soldiers in Harare arrested his lawyer Tendai Moyo on Monday.")
    assert _targets(a, "arrested") == [("Tendai Moyo", "PERSON")]


def test_generic_actors_a_possessed_noun_is_no_group(analyze_text: Analyze) -> None:
    a = analyze_text("The governor sharply criticized his rival on Tuesday for the budget delay.")
    assert _targets(a, "criticized") == []
