"""Rule tests of the events component: who a source sends or recalls is its own, never the target; a
meeting in the passive is an encounter."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _targets(analysis: Analysis, trigger: str) -> list[str | None]:
    return [e.target_text for e in analysis.events if e.trigger.text == trigger]


def test_sent_the_delegation_is_no_target(analyze_text: Analyze) -> None:
    """ "sent a delegation to Beijing": the meeting is with Beijing, the delegation is the sender's."""
    analysis = analyze_text("The Japanese government sent a senior delegation to Beijing on Monday.")
    assert _targets(analysis, "sent") == ["Beijing"]


def test_sent_troops_are_not_the_target(analyze_text: Analyze) -> None:
    analysis = analyze_text("The army sent two battalions into the northern province of Kivu.")
    targets = _targets(analysis, "sent")
    assert targets and all(t is None or "battalions" not in t for t in targets)


def test_sent_troops_sent_by_no_one_named_still_mobilize(analyze_text: Analyze) -> None:
    """ "Kenyan troops were sent to the border": with no sender, the force is the source."""
    events = [
        e for e in analyze_text("Kenyan troops were sent to the border.").events if e.type == "MOBILIZE"
    ]
    assert [e.source_text for e in events] == ["Kenyan troops"]


def test_sent_met_in_the_passive_is_no_meeting(analyze_text: Analyze) -> None:
    """ "were met by gunmen": whom the soldiers came upon; "Putin met Erdogan" stays a meeting."""
    met = analyze_text("The soldiers were met by gunmen firing rifles near the village.")
    assert [e for e in met.events if e.type == "CONSULT"] == []
    meeting = analyze_text("President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara.")
    assert [e.type for e in meeting.events if e.trigger.text == "met"] == ["CONSULT"]


def test_sent_withdrawn_ambassadors_are_no_target(analyze_text: Analyze) -> None:
    analysis = analyze_text("Peru and Chile withdrew ambassadors in 2019 over a border dispute.")
    targets = _targets(analysis, "withdrew")
    assert targets and all(t is None or "ambassadors" not in t for t in targets)
