"""Rule tests of the events component: the victims a bare count stands for.

"…, killing 15" leaves out the noun after the number: the harm is done to those the verb above the clause
named as its object or its "on" phrase. A count with nothing named above it stays without a target.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _assault_targets(analysis: Analysis) -> list[str | None]:
    return [
        e.target_text for e in analysis.events if e.type == "ASSAULT" and e.confidence >= EVENT_MIN_CONFIDENCE
    ]


def test_partitive_victims_a_bare_count_stands_for_those_named_above(analyze_text: Analyze) -> None:
    """A harm verb's bare number or quantifier counts the object of the verb its clause hangs on."""
    for text, victims in (
        ("The gunmen singled out police officers and bus passengers, shooting many.", "officers"),
        ("The soldiers turned their rifles on the striking miners, killing 12.", "miners"),
    ):
        targets = _assault_targets(analyze_text(text))
        assert len(targets) == 1 and victims in (targets[0] or ""), (text, targets)


def test_partitive_victims_no_party_above_gives_no_target(analyze_text: Analyze) -> None:
    """With no party named above the clause, the count gets no target from elsewhere."""
    targets = _assault_targets(analyze_text("The militants drove through the valley at dawn, killing 15."))
    assert targets == [None], targets
