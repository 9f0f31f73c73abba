"""Rule tests of the events component: the one who reports an act is its doer only when the reported
clause names none of its own; a reported clause whose subject is an owned thing ("Erdogan's trip is aimed
at …") has the owner do the act, and a pronoun subject still stands for the reporter."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _sides(analysis: Analysis, type_: str) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == type_]


def test_reported_doers_an_owned_subject_names_the_doer(analyze_text: Analyze) -> None:
    trip = analyze_text("Diplomats told us that Erdogan's trip is aimed at strengthening ties with Kenya.")
    assert _sides(trip, "AGREE") == [("Erdogan", "Kenya")]
    plan = analyze_text("Observers said the government's new plan is aimed at improving ties with Ghana.")
    assert _sides(plan, "AGREE") == [("the government", "Ghana")]


def test_reported_doers_an_intended_visit_is_its_owners(analyze_text: Analyze) -> None:
    visit = analyze_text("Diplomats said Macron's trip was intended to strengthen cooperation with Nigeria.")
    assert _sides(visit, "AGREE") == [("Macron", "Nigeria")]


def test_reported_doers_the_reporter_still_does_its_own_act(analyze_text: Analyze) -> None:
    said = analyze_text("The rebel group said it had attacked an army convoy near Goma.")
    assert _sides(said, "ASSAULT") == [("The rebel group", "an army convoy")]
