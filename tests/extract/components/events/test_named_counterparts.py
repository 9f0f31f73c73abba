"""Rule tests of the events component: an act done to a counterpart (sanctions, aid, cooperation, support, a
concession, a threat) with no target while its sentence names another party than its source most often leaves
that party out — it is a weak reading (under `EVENT_MIN_CONFIDENCE`). With its counterpart coded, or with no
other party in the sentence, it stays confident."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis) -> list[tuple[str, str | None, str | None, bool]]:
    return [
        (e.type, e.source_text, e.target_text, e.confidence >= EVENT_MIN_CONFIDENCE) for e in analysis.events
    ]


def test_counterpart_acts_with_another_party_unnamed_are_weak(analyze_text: Analyze) -> None:
    for text, kind, source in (
        (
            "Swedish lawmakers welcomed the announcement that Peru had joined the treaty.",
            "SUPPORT",
            "Swedish lawmakers",
        ),
        ("Norway sent tents and blankets after Nepal asked for help.", "AID", "Norway"),
        (
            "The European Union imposed new sanctions after Belarus forced the plane to land.",
            "SANCTION",
            "The European Union",
        ),
    ):
        assert (kind, source, None, False) in _events(analyze_text(text)), text


def test_counterpart_acts_with_the_counterpart_or_no_other_party_stay(analyze_text: Analyze) -> None:
    for text, event in (
        ("Canada sent tents and blankets to Nepal.", ("AID", "Canada", "Nepal", True)),
        ("The Red Cross provided food and water.", ("AID", "The Red Cross", None, True)),
        ("Japan imposed sanctions on North Korea.", ("SANCTION", "Japan", "North Korea", True)),
        (
            "The lawmakers in Oslo welcomed the decision by Chile to release the prisoners.",
            ("SUPPORT", "The lawmakers in Oslo", "Chile", True),
        ),
    ):
        assert event in _events(analyze_text(text)), text
