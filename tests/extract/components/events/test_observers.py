"""Rule tests of the events component: who sees or witnesses an event did not do it, and a count's "by"
phrase names the doer of the events it counts."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _sides(analysis: Analysis, type_: str) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == type_]


def test_observers_a_country_seeing_attacks_is_no_attacker(analyze_text: Analyze) -> None:
    analysis = analyze_text("Mexico saw a wave of attacks on police stations last year.")
    assert _sides(analysis, "ASSAULT") == [(None, "police stations")]


def test_observers_a_witness_is_no_attacker(analyze_text: Analyze) -> None:
    analysis = analyze_text("A shopkeeper who witnessed the bombing said the blast shook the whole street.")
    assert all(source is None for source, _target in _sides(analysis, "ASSAULT"))


def test_observers_a_counts_by_phrase_names_the_doer(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Kenya is seeing a wave of kidnappings of tourists by criminal gangs seeking ransoms."
    )
    assert _sides(analysis, "ASSAULT") == [("criminal gangs", "tourists")]


def test_observers_a_doer_of_the_light_verb_stays_the_source(analyze_text: Analyze) -> None:
    analysis = analyze_text("Rebels launched an attack on the garrison.")
    assert _sides(analysis, "ASSAULT") == [("Rebels", "the garrison")]
