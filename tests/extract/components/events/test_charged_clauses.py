"""Rule tests of the events component: the accused of a charge made in a content clause.

The accused is the doer of the act the clause reports: its active subject or its passive "by" phrase, never a
passive subject, who underwent the act, nor the listener of a complaint (`_clause_targets.charged`).
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident, sides

Analyze = Callable[..., Analysis]


def test_charged_clauses_passive_subject_is_no_accused(analyze_text: Analyze) -> None:
    """Who was beaten or tortured is the victim of the act charged, not the one accused."""
    for text, victims in (
        ("The opposition alleged that activists were beaten in custody.", "activists"),
        ("Human rights groups alleged that protesters had been tortured in the prison.", "protesters"),
    ):
        found = sides(analyze_text(text), "ACCUSE")
        assert found and all(target != victims for _, target in found), (text, found)


def test_charged_clauses_passive_by_phrase_is_the_accused(analyze_text: Analyze) -> None:
    """A passive clause's "by" phrase names the doer, who is accused."""
    found = sides(analyze_text("The opposition alleged that activists were beaten by the police."), "ACCUSE")
    assert ("The opposition", "the police") in found, found


def test_charged_clauses_complaint_accuses_the_clause_doer_not_the_listener(analyze_text: Analyze) -> None:
    """ "complained to X that Y …": Y is complained of, X only hears it."""
    for text, accused in (
        (
            "Senator Warren complained to the president that the Pentagon had ignored the report.",
            "the Pentagon",
        ),
        ("The mayor complained to reporters that the governor had cut the city's budget.", "the governor"),
    ):
        found = sides(analyze_text(text), "ACCUSE")
        assert [t for _, t in found] == [accused], (text, found)


def test_charged_clauses_charged_that_accuses_the_clause_subject(analyze_text: Analyze) -> None:
    """The dictionary verb "charge" with a "that" clause is a charge against the clause's subject."""
    for text, accused in (
        (
            "Senator Elizabeth Warren charged that President Obama had hidden the documents.",
            "President Obama",
        ),
        (
            "Republican leaders charged that the Obama administration misled Congress.",
            "the Obama administration",
        ),
    ):
        assert [e.target_text for e in confident(analyze_text(text), "ACCUSE")] == [accused], text


def test_charged_clauses_active_subject_and_other_clauses_stay(analyze_text: Analyze) -> None:
    """Guard: an active subject stays accused; a suspicion accuses no one; "what he called …" is no charge."""
    found = sides(analyze_text("The Kremlin alleged that the Ukrainian army shelled the town."), "ACCUSE")
    assert found == [("The Kremlin", "the Ukrainian army")], found
    suspected = analyze_text(
        "Senator Elizabeth Warren suspected that President Obama would hide the documents."
    )
    assert not confident(suspected, "ACCUSE")
    found = sides(
        analyze_text("President Obama denounced what he called the pessimistic vision of Donald Trump."),
        "ACCUSE",
    )
    assert found == [("President Obama", None)], found
