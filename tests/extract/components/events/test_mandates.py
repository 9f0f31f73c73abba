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


def test_mandates_a_noun_of_asking_asks_its_clause(analyze_text: Analyze) -> None:
    """ "a proposal that the army withdraw …": the clause's act is asked, done by no one."""
    text = "The council adopted a proposal that the army withdraw its troops from the border."
    assert "RETREAT" not in [e.type for e in analyze_text(text).events]


def test_mandates_a_bare_conjunct_joins_the_asked_clause(analyze_text: Analyze) -> None:
    """ "issued a recommendation that X reopen …, allow …": "allow" is asked of X, not done by the issuer,
    though the parser hangs it from "issued"."""
    text = (
        "The watchdog issued a recommendation that the ministry reopen the tender, allow the firms to "
        "submit new bids and make a new choice."
    )
    assert "CONCEDE" not in [e.type for e in analyze_text(text).events]


def test_mandates_a_request_noun_asks_its_clause_subject(analyze_text: Analyze) -> None:
    """ "her request that the government release X": the government is asked; the release is not done."""
    events = _events(
        analyze_text(
            "The senator renewed her request that the Kenyan government release the two journalists."
        )
    )
    assert events == [("REQUEST", "The senator", "the Kenyan government", "renewed her request")]


def test_mandates_a_relative_clause_or_a_claim_is_no_asking(analyze_text: Analyze) -> None:
    """ "the demand that angered the police" is a relative clause; "the suggestion that the police
    arrested …" a claim of a deed: neither is read as asked."""
    events = _events(analyze_text("The rebels rejected the demand that angered the police."))
    assert events == [("REJECT", "The rebels", "the police", "rejected")]
    claim = analyze_text("The ruling party dismissed the suggestion that the police arrested the protesters.")
    assert "COERCE" in [e.type for e in claim.events]
