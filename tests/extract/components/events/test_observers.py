"""Rule tests of the events component: who sees or witnesses an event did not do it, and a count's "by"
phrase names the doer of the events it counts."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_observers_a_country_seeing_attacks_is_no_attacker(analyze_text: Analyze) -> None:
    analysis = analyze_text("Mexico saw a wave of attacks on police stations last year.")
    assert sides(analysis, "ASSAULT") == [(None, "police stations")]


def test_observers_a_witness_is_no_attacker(analyze_text: Analyze) -> None:
    analysis = analyze_text("A shopkeeper who witnessed the bombing said the blast shook the whole street.")
    assert all(source is None for source, _target in sides(analysis, "ASSAULT"))


def test_observers_a_counts_by_phrase_names_the_doer(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Kenya is seeing a wave of kidnappings of tourists by criminal gangs seeking ransoms."
    )
    assert sides(analysis, "ASSAULT") == [("criminal gangs", "tourists")]


def test_observers_a_doer_of_the_light_verb_stays_the_source(analyze_text: Analyze) -> None:
    analysis = analyze_text("Rebels launched an attack on the garrison.")
    assert sides(analysis, "ASSAULT") == [("Rebels", "the garrison")]
