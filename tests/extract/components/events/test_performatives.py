"""Rule tests of the events component: thanks and praise a speaker performs by saying he wants to.

"I want to thank X" thanks X as it is said (SUPPORT), no intent to cooperate (AGREE/intend); a wish
told of another, or in the past, keeps its intent.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _coded(analysis: Analysis) -> list[tuple[str, str | None, str]]:
    return [(e.type, e.mode, e.trigger.text) for e in analysis.events]


def test_performatives_first_person_thanks_are_done(analyze_text: Analyze) -> None:
    """ "I particularly want to commend X", "We want to thank X": SUPPORT now, not AGREE/intend."""
    events = analyze_text(
        '"I particularly want to commend Jane Roe for her courage," Governor John Doe said.'
    ).events
    assert [(e.type, e.mode, e.target_text) for e in events] == [("SUPPORT", None, "Jane Roe")]
    events = analyze_text('"We want to thank Norway for its help," Prime Minister John Doe said.').events
    assert [(e.type, e.mode) for e in events] == [("SUPPORT", None)]


def test_performatives_a_wish_told_of_another_stays_an_intent(analyze_text: Analyze) -> None:
    """ "The governor said he wanted to thank Norway": a wish reported in the past, still an intent."""
    coded = _coded(analyze_text("The governor said he wanted to thank Norway for its support."))
    assert coded == [("AGREE", "intend", "thank")]
