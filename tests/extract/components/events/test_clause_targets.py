"""Rule tests of the events component: a verb's target is a participant of its own clause. A verb with a
complement of its own shares no object with the verb conjoined after it, and a finite content clause of an
agreeing or denying verb about another party names no target; shared objects of bare conjoined verbs,
demands and to-infinitives keep theirs."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _sides(analysis: Analysis, type_: str) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == type_]


def test_clause_targets_a_verb_with_its_own_complement_shares_no_object(analyze_text: Analyze) -> None:
    called = analyze_text(
        "The health ministry called on the FDA to release its data, and told Reuters that the ban hurt"
        " farmers."
    )
    assert _sides(called, "REQUEST") == [("The health ministry", "the FDA")]
    complained = analyze_text(
        "The trade minister complained about the new tariffs but praised the European Union."
    )
    assert ("The trade minister", "the European Union") not in _sides(complained, "ACCUSE")


def test_clause_targets_bare_conjoined_verbs_share_their_object(analyze_text: Analyze) -> None:
    attacked = analyze_text("Rebels attacked and killed five soldiers near the border.")
    assert ("Rebels", "five soldiers") in _sides(attacked, "ASSAULT")


def test_clause_targets_an_agreed_or_denied_proposition_names_no_target(analyze_text: Analyze) -> None:
    agreed = analyze_text("Senator Mary Lee agreed that the governor should resign.")
    assert _sides(agreed, "AGREE") == [("Senator Mary Lee", None)]
    denied = analyze_text("The minister denied that Moscow had sent troops to the region.")
    assert _sides(denied, "REJECT") == [("The minister", None)]


def test_clause_targets_a_demand_keeps_the_party_it_asks(analyze_text: Analyze) -> None:
    demanded = analyze_text("Manila demanded that Tokyo withdraw its fishing fleet.")
    assert _sides(demanded, "REQUEST") == [("Manila", "Tokyo")]
