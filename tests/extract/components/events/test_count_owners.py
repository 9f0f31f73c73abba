"""Rule tests of the events component: a casualty count belongs to its own act.

"A roadside bomb killed three policemen, while another group claimed it had attacked a fuel depot": the
three dead are the bomb's, not the depot attack's. When a sentence tells of several assaults, a harm word's
count goes to the assault nearest it in the parse; a lone assault keeps every count of its sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _counts(analysis: Analysis) -> dict[str, tuple[float | None, float | None]]:
    return {e.trigger.text: (e.dead, e.injured) for e in analysis.events if e.type == "ASSAULT"}


def test_count_owners_an_act_in_a_sibling_clause_takes_no_count(analyze_text: Analyze) -> None:
    """The dead of the bombing clause are not the fuel-depot attack's."""
    text = (
        "A roadside bomb killed three policemen in the city, "
        "while another group claimed it had attacked a fuel depot."
    )
    assert _counts(analyze_text(text)) == {"killed": (3.0, None), "attacked": (None, None)}


def test_count_owners_the_dead_of_a_killing_are_not_their_own_earlier_act(analyze_text: Analyze) -> None:
    """ "killed 15 fighters who attacked a border post": the fighters died; their attack killed no one."""
    text = "The army said it had killed 15 fighters who attacked a border post overnight."
    assert _counts(analyze_text(text)) == {"killed": (15.0, None), "attacked": (None, None)}


def test_count_owners_a_count_coded_twice_goes_to_its_own_harm_word(analyze_text: Analyze) -> None:
    """ "bombings that killed 60": the killing is its own event and holds the count once."""
    text = "The raids on the capital came weeks after a wave of bombings that killed 60 people in the north."
    assert _counts(analyze_text(text))["killed"] == (60.0, None)
    assert _counts(analyze_text(text))["bombings"] == (None, None)


def test_count_owners_a_lone_assault_keeps_the_counts_of_its_sentence(analyze_text: Analyze) -> None:
    """One assault in the sentence: its counts as before, from its own clause and its participles."""
    assert _counts(
        analyze_text("Gunmen attacked a market on Sunday, killing 12 people and wounding 30.")
    ) == {"killing": (12.0, 30.0)}
    assert _counts(analyze_text("A drone strike killed six fighters in the province on Monday.")) == {
        "strike": (6.0, None)
    }
