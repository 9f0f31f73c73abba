"""Rule tests: the act someone is charged with is done by the one charged.

"charged X with V-ing" names the act in a "with" phrase; its doer is the object, or in the passive the
subject ("The colonel was charged with kidnapping two journalists": the colonel), not nobody."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _texts(analysis: Analysis, kind: str) -> list[str | None]:
    return [e.source_text for e in analysis.events if e.type == kind]


def test_passive_charge_gives_the_subject_as_doer(analyze_text: Analyze) -> None:
    """ "was charged with kidnapping": the one charged kidnapped."""
    a = analyze_text("The militia commander was charged with kidnapping two aid workers in the north.")
    assert _texts(a, "ASSAULT") == ["The militia commander"]


def test_conjoined_gerunds_share_the_doer(analyze_text: Analyze) -> None:
    """ "charged with looting …, kidnapping and attacking": every listed act is the subject's."""
    a = analyze_text("The former police chief was charged with looting warehouses, kidnapping and attacking villagers.")
    assert _texts(a, "ASSAULT") and all(s == "The former police chief" for s in _texts(a, "ASSAULT"))


def test_active_charge_gives_the_object_as_doer(analyze_text: Analyze) -> None:
    """ "charged him with attacking": he attacked, not the prosecutors."""
    a = analyze_text("Prosecutors charged the soldier with attacking three villagers.")
    assert "Prosecutors" not in _texts(a, "ASSAULT")
    assert _texts(a, "ASSAULT") == ["the soldier"]
