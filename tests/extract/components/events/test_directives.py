"""Rule tests of the events component: an order to someone to act ("directed X to …", "instructed X to
…", "told X to …") is a demand on the one ordered (CAMEO 10, REQUEST), and every object it lists is a
target; a word of an organisation's name ("Animal", "Horse") does not make the organisation an animal."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_directives_an_order_to_act_is_a_demand(analyze_text: Analyze) -> None:
    for text, expected in (
        (
            "The governor directed the transport agency to close the bridge.",
            ("The governor", "the transport agency"),
        ),
        (
            "The minister instructed the customs office to seize the shipments.",
            ("The minister", "the customs office"),
        ),
        ("The judge told the landlord to return the deposit.", ("The judge", "the landlord")),
    ):
        assert sides(analyze_text(text), "REQUEST") == [expected], text


def test_directives_without_an_object_infinitive_no_demand(analyze_text: Analyze) -> None:
    for text in (
        "The minister told reporters that the talks had failed.",
        "She directed the documentary about the war.",
        "The leaflets tell voters where to find the polling stations.",
    ):
        assert sides(analyze_text(text), "REQUEST") == [], text


def test_directives_every_listed_body_is_ordered(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "The health ministry directed the Bureau of Fisheries (BOF) and the Office of Animal Welfare (OAW)"
        " to inspect the farms."
    )
    assert sides(analysis, "REQUEST") == [
        ("The health ministry", "the Bureau of Fisheries ; the Office of Animal Welfare")
    ]


def test_directives_an_animal_word_in_a_name_is_no_animal(analyze_text: Analyze) -> None:
    analysis = analyze_text("The mayor criticized the Horse Racing Authority and the city council.")
    assert sides(analysis, "ACCUSE") == [("The mayor", "the Horse Racing Authority ; the city council")]
