"""Rule tests of the events component: whom an investigation noun probes when no actor follows its
"into", "of" or "against" (`_probes.py`): the owner of what is probed, the subject of the clause that
puts someone under investigation or makes them its subject, and the doer of the reason it is held for.
The possessor of a topic noun ("the soldier's death") stays no suspect."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _probes(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.mode == "investigate"]


def test_probes_the_owner_of_what_is_probed(analyze_text: Analyze) -> None:
    named = analyze_text("The state auditor's probe into Mayor Dan Hollis's use of city cars drew criticism.")
    assert _probes(named) == [("The state auditor", "Mayor Dan Hollis")]


def test_probes_the_subject_of_its_clause(analyze_text: Analyze) -> None:
    under = analyze_text("The senator had been under investigation by the Justice Department since March.")
    assert _probes(under) == [("the Justice Department", "The senator")]
    subject = analyze_text("Governor Alan Marsh was the subject of a Senate investigation last year.")
    assert _probes(subject) == [("Senate", "Governor Alan Marsh")]


def test_probes_the_doer_of_its_reason(analyze_text: Analyze) -> None:
    reason = analyze_text(
        "The ruling follows an investigation by the trade commission "
        "due to Vexa Motors charging drivers extra fees."
    )
    assert _probes(reason) == [("the trade commission", "Vexa Motors")]


def test_probes_the_owner_of_a_topic_is_no_suspect(analyze_text: Analyze) -> None:
    death = analyze_text("The police chief's investigation into the prisoner's death has ended.")
    assert all(target is None for _source, target in _probes(death))
