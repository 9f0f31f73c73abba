"""Rule tests of the events component: a list of names that the parser reads as an apposition and its
conjunct ("A, B and C" with B an apposition of A) names every party, and a two-sided act among them keeps
the package's split of "X and Y met" (the first the source, the others the targets)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_listed_names_are_all_doers(analyze_text: Analyze) -> None:
    analysis = analyze_text("Senators Jane Porter, Tom Reyes and Ann Lee have all criticized the budget.")
    assert sides(analysis, "ACCUSE") == [("Senators Jane Porter ; Tom Reyes ; Ann Lee", None)]


def test_listed_names_of_a_meeting_are_its_two_sides(analyze_text: Analyze) -> None:
    analysis = analyze_text("Senators Jane Porter, Tom Reyes and Ann Lee met in Denver on Monday.")
    assert sides(analysis, "CONSULT") == [("Senators Jane Porter", "Tom Reyes ; Ann Lee")]


def test_listed_names_a_description_is_no_list(analyze_text: Analyze) -> None:
    analysis = analyze_text("Kim Jong Un, North Korea's leader, and Vladimir Putin met in Moscow.")
    assert sides(analysis, "CONSULT") == [("Kim Jong Un", "Vladimir Putin")]
