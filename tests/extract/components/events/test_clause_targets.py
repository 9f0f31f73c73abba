"""Rule tests of the events component: a finite content clause of an agreeing or denying verb about another
party is a proposition and names no target; a demand's clause keeps the party it asks."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_clause_targets_an_agreed_or_denied_proposition_names_no_target(analyze_text: Analyze) -> None:
    agreed = analyze_text("Senator Mary Lee agreed that inspectors could visit the prison.")
    assert sides(agreed, "AGREE") == [("Senator Mary Lee", None)]
    # "agreed that the governor should resign": one party's view of what another ought to do, no AGREE at all
    viewed = analyze_text("Senator Mary Lee agreed that the governor should resign.")
    assert sides(viewed, "AGREE") == []
    denied = analyze_text("The minister denied that Moscow had sent troops to the region.")
    assert sides(denied, "REJECT") == [("The minister", None)]


def test_clause_targets_a_demand_keeps_the_party_it_asks(analyze_text: Analyze) -> None:
    demanded = analyze_text("Manila demanded that Tokyo withdraw its fishing fleet.")
    assert sides(demanded, "REQUEST") == [("Manila", "Tokyo")]


def test_clause_targets_a_to_infinitive_is_no_proposition(analyze_text: Analyze) -> None:
    agreed = analyze_text("Ankara agreed to return the seized tanker to Greece.")
    assert ("Ankara", None) not in sides(agreed, "AGREE")
