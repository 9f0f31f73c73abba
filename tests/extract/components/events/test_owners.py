"""Rule tests of the events component: an act aimed "on" or "against" a thing (a plan, a record, sales,
flights, goods) targets the thing's owner or author, read from the thing's own phrase: its possessive,
its "by" or "from" phrase, a demonym, a measure's "of" phrase, a name in apposition. Ground and a
possessive pronoun are not read as owners."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_owners_of_a_thing_an_event_noun_is_aimed_at(analyze_text: Analyze) -> None:
    threats = analyze_text("Farmers' groups issued threats against the governor's water plan.")
    assert sides(threats, "THREATEN") == [("Farmers' groups", "the governor")]
    attacks = analyze_text("The senator's attacks on the mayor's budget drew wide attention.")
    assert sides(attacks, "ACCUSE") == [("The senator", "the mayor")]


def test_owners_named_by_a_by_or_from_phrase(analyze_text: Analyze) -> None:
    ban = analyze_text("The city's ban on sales by street vendors took effect in May.")
    assert [target for _source, target in sides(ban, "COERCE")] == ["street vendors"]
    lifted = analyze_text("The government lifted restrictions on flights from Portugal last week.")
    assert sides(lifted, "CONCEDE") == [("The government", "Portugal")]


def test_owners_of_measured_goods(analyze_text: Analyze) -> None:
    tariffs = analyze_text("Mexico imposed tariffs on $3 billion worth of Canadian steel.")
    assert sides(tariffs, "SANCTION") == [("Mexico", "Canadian")]  # the steel stands for its owner


def test_owners_a_named_person_in_apposition_is_the_target(analyze_text: Analyze) -> None:
    attack = analyze_text(
        "The union launched an attack on the mayor's chief adviser, Tom Reyes, over the strike."
    )
    assert sides(attack, "ACCUSE") == [("The union", "Tom Reyes")]  # an attack of words: criticism


def test_owners_not_read_from_ground_or_own_pronouns(analyze_text: Analyze) -> None:
    soil = analyze_text("Officials said the bombing was the worst attack on our soil in a decade.")
    assert all(target is None for _source, target in sides(soil, "ASSAULT"))
    called = analyze_text("The movement called on its members to boycott the vote.")
    assert sides(called, "REQUEST") == [("The movement", "its members")]


def test_owners_of_goods_a_restriction_limits(analyze_text: Analyze) -> None:
    tightened = analyze_text("The ministry has tightened restrictions on all shipments from Brazil.")
    assert sides(tightened, "COERCE") == [("The ministry", "Brazil")]


def test_owners_a_place_in_which_an_owned_thing_is_is_no_target(analyze_text: Analyze) -> None:
    """ "opposes Russian investment in Serbia": the investor, not the country where the money goes."""
    invest = analyze_text("The senator opposes Russian investment in Serbia.")
    assert [e.target for e in invest.events if e.type == "REJECT"] == [
        [next(x.id for x in invest.entities if x.name == "Russian")]
    ]
    spending = analyze_text("The party criticized Turkish spending in Cyprus.")
    assert all(x.name != "Cyprus" for e in spending.events for x in spending.entities if x.id in e.target)
    owned = analyze_text("Lawmakers oppose Beijing's investment in Tibet.")
    assert [e.target_text for e in owned.events if e.type == "REJECT"] == ["Beijing"]
