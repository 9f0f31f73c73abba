"""Rule tests of the events component: a request by a person whose political office the article gives
is kept ("Sen." spelled out, a chairman of a committee), a professor stays no political actor, and "ask
for N" with no one asked takes no target from what it asks for."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _requests(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "REQUEST"]


def test_asked_requests_an_abbreviated_title_in_the_article_makes_a_political_actor(
    analyze_text: Analyze,
) -> None:
    for text, pair in (
        (
            "Sen. Dana Whitfield toured the shuttered plant on Monday. "
            "Afterwards, Whitfield urged the owners to reopen it before winter.",
            ("Whitfield", "the owners"),
        ),
        (
            "Gov. Martin Kessel met farmers in the valley. "
            "Kessel asked the growers to report any sick cattle at once.",
            ("Kessel", "the growers"),
        ),
        (
            "Rep. Lisa Moreno spoke at the rally. Moreno called on her supporters to register before the deadline.",
            ("Moreno", "her supporters"),
        ),
    ):
        assert pair in _requests(analyze_text(text)), text


def test_asked_requests_an_office_in_a_political_body_makes_a_political_actor(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Budget Committee Chairman Tom Avery held a hearing on Tuesday. "
        "Avery asked Ken Ortiz to hand over the contracts."
    )
    assert ("Avery", "Ken Ortiz") in _requests(a)


def test_asked_requests_a_professor_at_an_institute_is_no_political_actor(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Nora Blake, a professor at the Institute for Coastal Studies, spoke on Friday. "
        "Blake asked her students to collect the samples."
    )
    assert _requests(a) == []


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
