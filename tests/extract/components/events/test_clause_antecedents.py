"""Rule tests of the events component: a pronoun below a clause whose subject cannot stand for it.

"No country has recognized the rebels since they …": the subject above the pronoun's clause names no
one, so "they" are the rebels that clause names, not a party of the sentence before. "Ministers wrote to
the prime minister, urging him …": a plural subject is no "him", so "him" is the one they wrote to. A
subject that may stand for the pronoun keeps it.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis, Event

Analyze = Callable[..., Analysis]


def _event(analysis: Analysis, type_: str, trigger: str) -> Event:
    found = [e for e in analysis.events if e.type == type_ and e.trigger.text == trigger]
    assert len(found) == 1, [(e.type, e.trigger.text, e.source_text, e.target_text) for e in analysis.events]
    return found[0]


def test_clause_antecedents_a_denied_subject_leaves_the_object(analyze_text: Analyze) -> None:
    """ "No state … since they attacked": "they" are the rebels the main clause names."""
    text = (
        "The federal minister spoke in the capital on Monday. No neighbouring state has recognized the "
        "rebels as a legitimate authority since they attacked the northern garrison."
    )
    event = _event(analyze_text(text), "ASSAULT", "attacked")
    assert event.source_text == "the rebels", event


def test_clause_antecedents_a_plural_subject_is_no_him(analyze_text: Analyze) -> None:
    """ "Ministers wrote a letter to X, urging him": "him" is X, not the man of the sentence before."""
    for text, target in (
        (
            "Opposition leader Daniel Mwangi was arrested on Tuesday. Five European ministers wrote a letter "
            "to Prime Minister Ali Khan on Friday, urging him to release the detained journalists.",
            "Prime Minister Ali Khan",
        ),
        (
            "Dozens of lawmakers sent a message to the interior minister, asking him to free the activists.",
            "the interior minister",
        ),
    ):
        trigger = "urging" if "urging" in text else "asking"
        event = _event(analyze_text(text), "REQUEST", trigger)
        assert event.target_text == target and event.confidence >= EVENT_MIN_CONFIDENCE, (text, event)


def test_clause_antecedents_a_subject_that_fits_keeps_the_pronoun(analyze_text: Analyze) -> None:
    """A subject that may stand for the pronoun ("Ruto … he", "He … he") is its antecedent, not the object."""
    for text in (
        "Kenyan President William Ruto met the Chinese ambassador on Monday before he criticized the "
        "opposition leader.",
        "William Ruto spoke on Friday. He met the Chinese ambassador before he criticized the opposition "
        "leader.",
    ):
        analysis = analyze_text(text)
        for type_, trigger in (("CONSULT", "met"), ("ACCUSE", "criticized")):
            event = _event(analysis, type_, trigger)
            assert "Ruto" in (event.source_text or ""), (text, event)
