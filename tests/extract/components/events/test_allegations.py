"""Rule tests of the events component: an act someone is accused of, or is said to have done "allegedly",
is the accuser's charge, no established act; it is kept as a weak reading, under 0.5. The accusation's own
event stays."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]


def test_allegations_an_act_charged_is_not_established(analyze_text: Analyze) -> None:
    """ "were accused of plotting to abduct", "allegedly attacked": a charge, not a deed."""
    for text, act in (
        ("Two smugglers were accused of plotting to abduct the mayor.", "abduct"),
        ("The guards allegedly attacked the prisoners during the night.", "attacked"),
        ("Police allegedly arrested the protesters without a warrant.", "arrested"),
    ):
        assert all(trigger != act for _, trigger in confident_triggers(analyze_text(text))), text


def test_allegations_the_accusation_and_plain_acts_stay(analyze_text: Analyze) -> None:
    """The accusation is an event ("The opposition accused the army of …"); a plain act stays."""
    for text, event in (
        ("The opposition accused the army of shelling the villages.", ("ACCUSE", "accused")),
        ("Police arrested the protesters without a warrant.", ("COERCE", "arrested")),
    ):
        assert event in confident_triggers(analyze_text(text)), text
