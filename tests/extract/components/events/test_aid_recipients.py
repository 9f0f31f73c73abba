"""Rule tests of the events component: whom an aid is for (`_recipients.py`).

An aid's recipient is named in a "to" or "for" phrase of the giving or of what is given ("assistance in the
form of food parcels for the displaced families"), or in a purpose infinitive of helping ("donated generators
to help survivors of the earthquake"). The recipient is a person or people; a time, a sum or an occasion
("for years", "for the first time") is none.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _aid(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "AID"]


def test_aid_recipients_for_phrase_of_what_is_given(analyze_text: Analyze) -> None:
    """ "providing help in the form of food parcels for X": X is whom the help is for."""
    analysis = analyze_text(
        "The charity is providing help in the form of food parcels for the displaced families."
    )
    assert _aid(analysis) == [("The charity", "the displaced families")]


def test_aid_recipients_people_noun_in_the_dative(analyze_text: Analyze) -> None:
    """ "provided shelter to the survivors": survivors are people, though no actor noun of their own."""
    assert _aid(analyze_text("The council provided shelter to the survivors.")) == [
        ("The council", "the survivors")
    ]


def test_aid_recipients_purpose_infinitive_of_helping(analyze_text: Analyze) -> None:
    """ "donated generators to help survivors of the earthquake": the survivors, not the earthquake."""
    for text, source in (
        ("The embassy donated generators to help survivors of the earthquake.", "The embassy"),
        ("Japan has sent medicine to help survivors of Typhoon Haiyan.", "Japan"),
    ):
        targets = [t for s, t in _aid(analyze_text(text)) if s == source]
        assert targets and all(t is not None and t.startswith("survivors") for t in targets), text


def test_aid_recipients_purpose_of_a_conjoined_gift(analyze_text: Analyze) -> None:
    """ "has provided loans and advice, and funded training to assist the farmers": the farmers."""
    text = (
        "The government has provided loans and advice, and funded training to assist the farmers in the area."
    )
    assert _aid(analyze_text(text)) == [("The government", "the farmers")]


def test_aid_recipients_times_and_occasions_are_no_recipients(analyze_text: Analyze) -> None:
    """ "for years", "for the first time" name no one the aid is for."""
    for text in (
        "The foundation has provided scholarships for years.",
        "The agency provided shelter for the first time.",
    ):
        assert all(t is None for _, t in _aid(analyze_text(text))), text
