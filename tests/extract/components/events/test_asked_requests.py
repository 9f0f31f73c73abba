"""Rule tests of the events component: "ask for N" with no one asked takes no target from what it asks
for; the one asked ("asked X for N") and a "for" subject ("asked for X to V") stay the target."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _requests(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "REQUEST"]


def test_asked_requests_ask_for_n_takes_no_target_from_n(analyze_text: Analyze) -> None:
    for text, source in (
        ("The foreign ministry said Malaysia had asked for the return of 45 nationals.", "Malaysia"),
        ("The council asked for the release of the two detained journalists.", "The council"),
    ):
        assert _requests(analyze_text(text)) == [(source, None)], text


def test_asked_requests_the_one_asked_stays_the_target(analyze_text: Analyze) -> None:
    for text, pair in (
        (
            "The ministry asked Ruritania for the extradition of the two suspects.",
            ("The ministry", "Ruritania"),
        ),
        ("The minister asked for the governor to resign.", ("The minister", "the governor")),
    ):
        assert pair in _requests(analyze_text(text)), text
