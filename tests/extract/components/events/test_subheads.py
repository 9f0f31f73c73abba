"""Rule tests of the events component: a subhead flattened into the running text reports no event."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]

# Written in the shape of a page copied without its line breaks: "Japanese demand" is a section label.
FLATTENED = (
    "Shipments of rice rose by a fifth in March, the ministry said. Japanese demand The new quota "
    "will double the shipments from Vietnam next year."
)


def test_subheads_a_section_label_is_no_request(analyze_text: Analyze) -> None:
    assert confident_triggers(analyze_text(FLATTENED)) == []


def test_subheads_the_same_words_in_a_sentence_stay_an_event(analyze_text: Analyze) -> None:
    text = (
        "Shipments of rice rose by a fifth in March. Japanese importers demanded that Vietnam lower "
        "its price, traders said."
    )
    assert ("REQUEST", "demanded") in confident_triggers(analyze_text(text))
