"""Rule tests of the events component: an act on the point of happening is still to come, not done.

"about to", "set to", "slated to", "on the verge of" announce an act, as "will" does: it keeps its type
with the mode `intend` (intended material conflict is a THREATEN, as under "will"), and who is "about to
be" acted on is the target.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _confident(analysis: Analysis) -> list[tuple[str, str | None, str | None, str | None]]:
    return [
        (e.type, e.mode, e.source_text, e.target_text)
        for e in analysis.events
        if e.confidence >= EVENT_MIN_CONFIDENCE
    ]


def test_imminent_acts_about_to_is_still_to_come(analyze_text: Analyze) -> None:
    """ "were about to sue": announced, not done."""
    analysis = analyze_text("The unions were about to sue the transport ministry over the cuts.")
    assert _confident(analysis) == [("ACCUSE", "intend", "The unions", "the transport ministry")]


def test_imminent_acts_an_imminent_passive_targets_its_subject(analyze_text: Analyze) -> None:
    """ "a company about to be sued by the state": the company is to be sued, not yet sued."""
    analysis = analyze_text("A company about to be sued by the state closed its plant.")
    found = [f for f in _confident(analysis) if f[0] == "ACCUSE"]
    assert [(t, m, s) for t, m, s, _ in found] == [("ACCUSE", "intend", "the state")]
    assert (found[0][3] or "").startswith("A company")


def test_imminent_acts_an_imminent_clause_passive_targets_its_subject(analyze_text: Analyze) -> None:
    """ "the mayor was about to be arrested by police": the mayor is the one to be arrested."""
    analysis = analyze_text("The mayor was about to be arrested by police when he fled the country.")
    assert ("THREATEN", "arrest", "police", "The mayor") in _confident(analysis)


def test_imminent_acts_a_done_act_stays_done(analyze_text: Analyze) -> None:
    """The same act told in the past keeps no intent mode."""
    analysis = analyze_text("The unions sued the transport ministry over the cuts.")
    assert _confident(analysis) == [("ACCUSE", "sue", "The unions", "the transport ministry")]
