"""Rule tests of the events component: "can't" is "can" + "not", a power denied, no deed.

The tokenizer splits "can't" into "ca" + "n't" (as "won't" into "wo" + "n't"); the clause under it is only
possible, like one under "cannot" or "could not": "the army can't suppress our newspapers" reports no deed.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis, type_: str) -> list[str]:
    return [e.type for e in analysis.events if e.type == type_ and e.confidence >= EVENT_MIN_CONFIDENCE]


def test_contracted_modals_cant_is_no_deed(analyze_text: Analyze) -> None:
    """A clause under "can't" (straight or curly apostrophe) is no confident event, as under "cannot"."""
    for text, type_ in (
        ('"The army can\'t suppress our newspapers by jailing editors," the publisher said.', "COERCE"),
        ("The judge ruled that police can't arrest protesters for holding signs.", "COERCE"),
        ("The judge ruled that police cannot arrest protesters for holding signs.", "COERCE"),
        ("The opposition leader said voters can’t blame the mayor for the floods.", "ACCUSE"),
    ):
        assert _confident(analyze_text(text), type_) == [], text


def test_contracted_modals_did_not_stays_a_denied_deed(analyze_text: Analyze) -> None:
    """A plain negation is still a confident, negated event: only the modal makes the clause possible."""
    analysis = analyze_text("Police did not arrest the protesters, the mayor said.")
    coerce = [e for e in analysis.events if e.type == "COERCE"]
    assert [(e.negated, e.confidence >= EVENT_MIN_CONFIDENCE) for e in coerce] == [(True, True)]
