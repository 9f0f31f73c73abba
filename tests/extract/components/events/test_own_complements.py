"""Rule tests of the events component: a verb's own phrase naming whom it is done to outranks the object of a
verb conjoined after it; a verb with no such phrase still shares the later verb's object."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_own_complements_the_addressee_outranks_a_later_object(analyze_text: Analyze) -> None:
    called = analyze_text(
        "Senator Ana Ruiz called on the Pentagon to release the report, and urged Congress to hold hearings."
    )
    assert sides(called, "REQUEST") == [("Senator Ana Ruiz", "the Pentagon")]
    pleaded = analyze_text(
        "The mayor pleaded with the governor to send troops, and thanked the police for their work."
    )
    assert ("The mayor", "the governor") in sides(pleaded, "REQUEST")


def test_own_complements_a_verb_without_one_shares_the_object(analyze_text: Analyze) -> None:
    threatened = analyze_text("Iran threatened to close or blockade the Saudi embassy.")
    assert sides(threatened, "THREATEN") == [("Iran", "the Saudi embassy")]
