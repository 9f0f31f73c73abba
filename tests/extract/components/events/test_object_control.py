"""Rule tests: object control for the antecedent of a pronoun, and "pushed X back".

A pronoun inside the infinitive of "required X to …", "ordered X to …" stands for X, the doer of the
infinitive, not for the verb's subject. And "pushed X back" is no request."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import entity_names

Analyze = Callable[..., Analysis]


def test_pronoun_under_an_object_control_verb_is_its_object(analyze_text: Analyze) -> None:
    """ "they" released the hostages: the rebels, whom the court required to prove it, not the court."""
    a = analyze_text("The court required the rebels to prove that they had released the hostages.")
    (release,) = [e for e in a.events if e.type == "RETREAT"]
    assert entity_names(a, release.source) == ["rebels"]


def test_pushing_back_troops_is_no_request(analyze_text: Analyze) -> None:
    """ "pushed the militants back" (the parser reads "back" as an adverb) drives them off: no REQUEST."""
    a = analyze_text("Government troops pushed the militants back from the town.")
    assert not [e for e in a.events if e.type == "REQUEST"]
