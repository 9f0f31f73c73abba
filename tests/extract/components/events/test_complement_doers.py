"""Rule tests: the doer of an act inside another verb's complement.

The object of a verb of praising, blaming or stopping does the gerund of its "for" phrase ("attacked the
government for refusing …": the government refused), and who responds to an event did not do it."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import entity_names

Analyze = Callable[..., Analysis]


def test_the_object_blamed_does_the_gerund(analyze_text: Analyze) -> None:
    """ "attacked the government for refusing": the government refused, not the opposition leader."""
    a = analyze_text("The opposition leader attacked the government for refusing to meet the unions.")
    (refusal,) = [e for e in a.events if e.trigger.text == "refusing"]
    assert entity_names(a, refusal.source) == ["government"]


def test_the_object_thanked_does_the_gerund(analyze_text: Analyze) -> None:
    """ "thanked Japan for supporting": Japan supported the sanctions."""
    a = analyze_text("The senator thanked Japan for supporting the sanctions.")
    (support,) = [e for e in a.events if e.trigger.text == "supporting"]
    assert entity_names(a, support.source) == ["Japan"]


def test_the_passive_subject_thanked_does_the_gerund(analyze_text: Analyze) -> None:
    """ "Japan was thanked by the senator for supporting": Japan, not the senator of the "by" phrase."""
    a = analyze_text("Japan was thanked by the senator for supporting the sanctions.")
    (support,) = [e for e in a.events if e.trigger.text == "supporting"]
    assert entity_names(a, support.source) == ["Japan"]


def test_who_responds_to_a_bombing_did_not_do_it(analyze_text: Analyze) -> None:
    """ "Kenya responded to the Garissa bombing": Kenya is not the bomber."""
    a = analyze_text("Kenya responded to the Garissa bombing with new checkpoints.")
    bombings = [e for e in a.events if e.trigger.text == "bombing"]
    assert all("Kenya" not in entity_names(a, e.source) for e in bombings)


def test_a_past_form_joined_to_the_gerund_is_not_its_doers_act(analyze_text: Analyze) -> None:
    """ "convicted of smuggling weapons and sentenced": the men did not sentence anyone (the parser joins
    "sentenced" to the gerund; it joins "convicted")."""
    a = analyze_text("The court freed two men who were convicted of smuggling guns and sentenced to prison.")
    sentences = [e for e in a.events if e.trigger.text == "sentenced"]
    assert all("men" not in " ".join(entity_names(a, e.source)) for e in sentences)
