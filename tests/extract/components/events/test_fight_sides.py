"""Rule tests of the events component: both sides of a fight or a meeting the sentence names.

A fight done with another party names that party "with X" ("exchanged gunfire with guards", "clashes with
police"); a two-sided event's own "between" phrase names both its sides ("fighting between rebels and army
units"), not a third party's go-between ("a mediation mission between X and Y"); a civil war's country is
where it is fought, not a side."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _assaults(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "ASSAULT"]


def test_fight_sides_with_names_the_other_side(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "A group of armed inmates exchanged gunfire with prison guards, then fled through a side gate."
    )
    assert ("A group of armed inmates", "prison guards") in _assaults(analysis)
    analysis = analyze_text("Clashes with riot police left twelve farmers wounded.")
    assert any(target == "riot police" for _source, target in _assaults(analysis))


def test_fight_sides_with_of_a_means_is_no_side(analyze_text: Analyze) -> None:
    analysis = analyze_text("Rebels fought with knives and machetes.")
    assert _assaults(analysis) == [("Rebels", None)]


def test_fight_sides_between_names_both_sides(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Thousands of villagers fled after fighting between rebels and army units near the border."
    )
    assert ("rebels", "army units") in _assaults(analysis)
    analysis = analyze_text(
        "The ministry said it was following the deadly clash between the herders and the farmers."
    )
    assert ("the herders", "the farmers") in _assaults(analysis)


def test_fight_sides_between_names_both_sides_of_a_war_or_a_truce_not_the_clause_s_doer(
    analyze_text: Analyze,
) -> None:
    """ "urged an end to the war between X and Y": X and Y fight it, the one who urges is no side; a truce
    between X and Y is theirs, one side each."""
    analysis = analyze_text("The bishops urged an end to the war between Chad and Niger.")
    assert _assaults(analysis) == [("Chad", "Niger")]
    analysis = analyze_text("The truce between Chad and Niger held over the weekend.")
    truces = [(e.source_text, e.target_text) for e in analysis.events if e.type == "RETREAT"]
    assert truces == [("Chad", "Niger")]


def test_fight_sides_a_go_between_keeps_the_two_parties_as_targets(analyze_text: Analyze) -> None:
    analysis = analyze_text("The envoy began a mediation mission between Ghana and Togo.")
    consults = [(e.source_text, e.target_text) for e in analysis.events if e.type == "CONSULT"]
    assert consults == [("The envoy", "Ghana ; Togo")]


def test_fight_sides_a_civil_war_is_fought_in_its_country(analyze_text: Analyze) -> None:
    for text in (
        "Millions of families are suffering from the country's civil war, the charity said.",
        "Egypt faced off against Qatar as proxies in the Libyan civil war.",
    ):
        sources = [source for source, _target in _assaults(analyze_text(text))]
        assert not any(s is not None and ("country" in s or "Libyan" in s) for s in sources), text
