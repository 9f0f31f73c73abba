"""Rule tests of the events component: a verb of asking's mandative clause is asked, not done.

"recommended that the ministry allow …", "proposed that X hold talks", "insisted that Congress pass …":
the clause's act has been done by no one; the asker asks the clause's subject (a REQUEST). An indicative
clause ("insisted that X had no role") is a claim and is not read so.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.type, e.source_text, e.target_text, e.trigger.text) for e in analysis.events]


def test_mandates_the_asked_act_is_no_deed(analyze_text: Analyze) -> None:
    """The clause's verb is a bare subjunctive under "recommend", "advise", "suggest": a REQUEST."""
    for text, source, target, trigger in (
        (
            "The finance ministry recommended that the navy withdraw its ships from the strait.",
            "The finance ministry",
            "the navy",
            "recommended",
        ),
        ("Norway advised that Sudan accept the new truce.", "Norway", "Sudan", "advised"),
        (
            "The opposition suggested that the cabinet suspend the new levy on fuel.",
            "The opposition",
            "the cabinet",
            "suggested",
        ),
    ):
        assert _events(analyze_text(text)) == [("REQUEST", source, target, trigger)], text


def test_mandates_a_proposal_to_others_is_not_their_intent(analyze_text: Analyze) -> None:
    """ "proposed that X and Y negotiate": the proposer asks them; they intend nothing yet."""
    events = _events(analyze_text("Qatar proposed that Ethiopia and Egypt negotiate a new water deal."))
    assert events == [("REQUEST", "Qatar", "Ethiopia ; Egypt", "proposed")]


def test_mandates_insist_with_a_subjunctive_is_a_demand(analyze_text: Analyze) -> None:
    """ "insisted that the legislature pass …" asks it; "insisted that X had …" is a claim."""
    events = _events(
        analyze_text("The governor insisted that the legislature pass the relief bill this week.")
    )
    assert events == [("REQUEST", "The governor", "the legislature", "insisted")]
    claim = analyze_text("The governor insisted that the police had arrested the protesters lawfully.")
    assert "REQUEST" not in [e.type for e in claim.events]
