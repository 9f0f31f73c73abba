"""Rule tests of the events component: a verb of haste before an infinitive is the manner of its act.

"Soldiers rushed to rescue the survivors" is one act, a rescue done in haste, not a mobilization beside
it. Forces moved somewhere ("troops rushed to the border", "rushed troops to the border") are still one.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]


def test_haste_the_infinitive_is_the_one_event(analyze_text: Analyze) -> None:
    """ "rushed to rescue", "are rushing to evacuate": the rescue alone, no MOBILIZE of "rushed"."""
    assert confident_triggers(analyze_text("Soldiers rushed to rescue the survivors of the earthquake.")) == [
        ("AID", "rescue")
    ]
    text = "Government troops are rushing to evacuate the residents of the town."
    assert confident_triggers(analyze_text(text)) == [("AID", "evacuate")]


def test_haste_a_future_hurry_is_no_threat(analyze_text: Analyze) -> None:
    """ "will rush to rescue": the rescue is meant; the rush threatens no mobilization."""
    types = [t for t, _ in confident_triggers(analyze_text("Marines will rush to rescue the hostages."))]
    assert "THREATEN" not in types and "MOBILIZE" not in types


def test_haste_forces_moved_somewhere_stay_a_mobilization(analyze_text: Analyze) -> None:
    """ "rushed to the border" (no infinitive) and "rushed troops to the border" (an object) move forces."""
    moved = analyze_text("Troops rushed to the border after the attack.")
    assert confident_triggers(moved) == [("MOBILIZE", "rushed")]
    sent = analyze_text("The army rushed troops to the border with Pakistan.")
    assert ("MOBILIZE", "rushed") in confident_triggers(sent)
