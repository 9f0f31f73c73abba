"""Rule tests of the events component: one party agreeing that another ought to act shares a view.

"agree" with a clause of what is ("agreed that the shift was a matter of geography") was already no event;
a clause under "should" or "must" about another party, agreed by one party, is an opinion too (CAMEO 019,
accord with a view). Several parties agreeing on what should happen, a clause under "could" or "would",
and a pronoun subject that may be the agreeing party's own stay agreements.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _agreements(analysis: Analysis) -> list[str]:
    return [e.type for e in analysis.events if e.type == "AGREE" and e.confidence >= EVENT_MIN_CONFIDENCE]


def test_shared_views_one_party_agreeing_what_another_ought_is_no_agreement(analyze_text: Analyze) -> None:
    """One party agrees that another should or must act: a view, no AGREE."""
    for text in (
        "The senator agreed that a governor should make clear such pardons are rare.",
        "The panel had agreed that a warning should be issued in any future outbreak.",
        "The senator agreed with the mayor that the budget must be cut.",
    ):
        assert _agreements(analyze_text(text)) == [], text


def test_shared_views_deals_and_several_parties_stay_agreements(analyze_text: Analyze) -> None:
    """A permission or a promise, the party's own act, and several parties' accord stay AGREE."""
    for text in (
        "Iran agreed that inspectors could visit the sites.",
        "Iran agreed that it should halt enrichment.",
        "The two governments agreed that the ceasefire should take effect on Monday.",
        "Ankara and Moscow agreed that the border crossing should reopen.",
    ):
        assert _agreements(analyze_text(text)) == ["AGREE"], text
