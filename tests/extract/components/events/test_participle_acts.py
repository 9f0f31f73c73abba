"""Rule tests of the events component: a speech act told in a participle clause is an act of its own beside
another act, and the content of a protest or of the same act said twice (`_participle_acts.py`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source_text, e.target_text) for e in analysis.events if e.confidence >= 0.5]


def test_participle_acts_an_accusation_beside_an_attack_is_its_own(analyze_text: Analyze) -> None:
    attack = analyze_text(
        "The rebels attacked the army base, accusing the government of stealing their land."
    )
    assert ("ACCUSE", "The rebels", "the government") in _events(attack)
    assert ("ASSAULT", "The rebels", "the army base") in _events(attack)


def test_participle_acts_a_refusal_beside_a_threat_is_its_own(analyze_text: Analyze) -> None:
    refusal = analyze_text("The president threatened to cut aid, refusing to meet the rebel leaders.")
    assert ("REJECT", "The president", "the rebel leaders") in _events(refusal)


def test_participle_acts_a_protest_keeps_its_demand(analyze_text: Analyze) -> None:
    march = analyze_text(
        "Thousands of farmers marched on the parliament, demanding subsidies from the government."
    )
    assert [t for t, _, _ in _events(march)] == ["PROTEST"]
    blame = analyze_text("The opposition blamed the ruling party, accusing it of rigging the vote.")
    assert [t for t, _, _ in _events(blame)] == ["ACCUSE"]
