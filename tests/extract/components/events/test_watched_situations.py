"""Rule tests of the events component: keeping watch on a situation ("monitor the situation") is no
investigation (CAMEO 09, ACCUSE/investigate) of anyone; the human-rights situation keeps CAMEO's reading, and
watching an actor's activities stays an investigation."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _inquiries(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "ACCUSE"]


def test_watched_situations_monitoring_the_situation_is_no_inquiry(analyze_text: Analyze) -> None:
    border = analyze_text("Army commanders are monitoring the situation along the northern border.")
    assert _inquiries(border) == []
    security = analyze_text("The interior ministry said it was monitoring the security situation in Lagos.")
    assert _inquiries(security) == []


def test_watched_situations_a_human_rights_situation_stays_watched_for_abuses(analyze_text: Analyze) -> None:
    rights = analyze_text("The United Nations will monitor the human rights situation in Belarus.")
    assert [e.cameo for e in rights.events if e.type == "ACCUSE"] == ["09"]


def test_watched_situations_an_actors_activities_stay_investigated(analyze_text: Analyze) -> None:
    group = analyze_text("Police have been monitoring the gang's activities for years.")
    assert _inquiries(group) == [("Police", "the gang")]
