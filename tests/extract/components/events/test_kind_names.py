"""Rule tests of the events component: "the company" stands for the one named actor the article gave that
noun as its kind ("the Canadian mining company Barrick Gold … the company"); two so introduced, a modifier
the introduction lacks, or none, and it stays."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis, Event
from tests.support.events import entity_names

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis) -> list[Event]:
    confident = (e for e in analysis.events if e.confidence >= EVENT_MIN_CONFIDENCE)
    return [e for e in confident if e.trigger.text == "give more aid"]


def test_kind_names_the_company_is_the_one_introduced_as_a_company(analyze_text: Analyze) -> None:
    """ "the company" after "the Canadian mining company Barrick Gold" is Barrick Gold."""
    a = analyze_text(
        "The Canadian mining company Barrick Gold announced on Monday that it would close two mines. "
        "Workers protested on Tuesday. "
        "The government said it would not give more aid to the company."
    )
    (event,) = _events(a)
    assert entity_names(a, event.target) == ["Barrick Gold"]


def test_kind_names_an_appositive_kind_and_a_modifier_of_it(analyze_text: Analyze) -> None:
    """ "the shipping firm" after "Brightwater Holdings, a Danish shipping firm," is Brightwater Holdings."""
    a = analyze_text(
        "Brightwater Holdings, a Danish shipping firm, said on Monday that it would cut 2,000 jobs. "
        "The government said it would not give more aid to the shipping firm."
    )
    (event,) = _events(a)
    assert entity_names(a, event.target) == ["Brightwater Holdings"]


def test_kind_names_two_introduced_or_another_modifier_leave_it(analyze_text: Analyze) -> None:
    """Two companies so introduced, or "the German company" for a Canadian one: no guess."""
    for text in (
        "The mining company Barrick Gold and the oil company Suncor Energy reported losses on Monday. "
        "The government said it would not give more aid to the company.",
        "The Canadian mining company Barrick Gold announced on Monday that it would close two mines. "
        "The government said it would not give more aid to the German company.",
    ):
        a = analyze_text(text)
        for event in _events(a):
            assert "Barrick Gold" not in entity_names(a, event.target), text
