"""Rule tests of the events component: a denial of charges is aimed at whoever the sentence says made them."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _rejections(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "REJECT"]


def test_denials_the_charges_name_their_maker(analyze_text: Analyze) -> None:
    """ "X alleged …, charges Y denied", "X said …, a charge that Y rejected": Y rejects X."""
    text = (
        "The miners' union has repeatedly alleged that the owners ignored safety rules for years, "
        "charges the company denied."
    )
    assert _rejections(analyze_text(text)) == [("the company", "The miners' union")]
    text = (
        "The opposition leader said the police had beaten dozens of students, a charge that the "
        "interior ministry rejected."
    )
    analysis = analyze_text(text)
    assert _rejections(analysis) == [("the interior ministry", "The opposition leader")]
    # the answer is the sentence's second statement, not a clause about the charge: no weak reading
    assert all(e.confidence >= EVENT_MIN_CONFIDENCE for e in analysis.events if e.type == "REJECT")


def test_denials_charges_no_one_is_said_to_make_have_no_target(analyze_text: Analyze) -> None:
    """Charges a trial rests on are nobody's in the sentence; a denial with its own object keeps it."""
    text = "The reporter is on trial on spying charges which the embassy has rejected."
    assert _rejections(analyze_text(text)) == [("the embassy", None)]


def test_denials_a_claim_stated_is_not_answered(analyze_text: Analyze) -> None:
    """ "the claim that the ministry refused …" says what is claimed; the ministry answers no one."""
    text = "The minister said the claim that the ministry refused to cooperate was false."
    assert _rejections(analyze_text(text)) == [("the ministry", None)]
