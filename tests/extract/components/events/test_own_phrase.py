"""Rule tests of the CAMEO dictionary match: a pattern's words are read in the verb's own phrase, not in
a clause below its object (`events/_own_phrase.py`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]


def test_own_phrase_a_participle_clause_is_no_object(analyze_text: Analyze) -> None:
    """ "present emails documenting the plan": the plan is what the emails show, not what is
    presented, so no appeal ("PRESENT * PLAN")."""
    found = confident_triggers(
        analyze_text("The lawyers said they would present emails documenting the plan to the jury.")
    )
    assert ("REQUEST", "present") not in found


def test_own_phrase_a_relative_clause_is_no_object(analyze_text: Analyze) -> None:
    """ "attacked a school where the ministers were meeting": an attack on a school, not criticism of
    a meeting; "raised taxes, which strengthened the currency" asks for no money."""
    attacked = confident_triggers(
        analyze_text("Gunmen attacked a school where the ministers were meeting on Tuesday.")
    )
    assert ("ASSAULT", "attacked") in attacked
    assert ("ACCUSE", "attacked") not in attacked
    raised = confident_triggers(analyze_text("The rebels raised taxes, which strengthened the currency."))
    assert ("REQUEST", "raised") not in raised


def test_own_phrase_the_object_and_complements_still_fit(analyze_text: Analyze) -> None:
    """The verb's own object still fits a pattern ("present a plan" is an appeal), and so does a
    chain of complements from the verb ("agreed to try to hold talks")."""
    found = confident_triggers(analyze_text("The lawyers said they would present a plan to the jury."))
    assert ("REQUEST", "present") in found
    agreed = confident_triggers(
        analyze_text("The two governments agreed to try to hold talks on the border.")
    )
    assert ("AGREE", "agreed") in agreed
