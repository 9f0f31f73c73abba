"""Rule tests of the events component: declining comment is no refusal of anyone.

"declined to comment", "refused to say whether …", "declined to predict when …" are CAMEO 011 (decline
comment, under root 01, which PLOVER drops); words owed to a political actor named as their hearer stay a
refusal ("refused to answer questions from the committee"), as do refusals of acts ("declined to sign").
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _typed(analyze: Analyze, text: str) -> list[tuple[str | None, str]]:
    return [(e.type, e.trigger.text) for e in analyze(text).events]


def test_declined_comments_a_refusal_to_say_or_predict_is_no_event(analyze_text: Analyze) -> None:
    """A verb of saying, predicting or disclosing as what is refused: no event."""
    for text in (
        "The Finance Ministry declined to predict when the budget deficit would narrow.",
        "Foreign Minister Karl Brandt declined to estimate how long the border would stay closed.",
        "The Defense Ministry has declined to provide details about the new missile base.",
        "The Interior Ministry declined to provide any documentation or specifics about the new prison.",
    ):
        assert _typed(analyze_text, text) == [], text


def test_declined_comments_what_is_not_said_is_no_event_either(analyze_text: Analyze) -> None:
    """What the refused words would tell is no event: "declined to name the suspects" accuses no one."""
    assert _typed(analyze_text, "The police chief declined to name the suspects in the bombing.") == []


def test_declined_comments_a_refusal_noun_of_comment_is_no_event(analyze_text: Analyze) -> None:
    """ "the ministry's refusal to comment": no refusal of anyone."""
    text = "The foreign ministry's refusal to comment on the border incident puzzled diplomats."
    assert [t for t, trig in _typed(analyze_text, text) if trig == "refusal"] == []


def test_declined_comments_words_owed_to_a_named_body_stay_a_refusal(analyze_text: Analyze) -> None:
    """Questions from a committee refused: a REJECT of the committee."""
    a = analyze_text(
        "The interior minister refused to answer questions from the parliamentary inquiry committee."
    )
    (ev,) = [e for e in a.events if e.type == "REJECT"]
    assert "committee" in (ev.target_text or "")


def test_declined_comments_refusing_aid_is_a_refusal_not_aid(analyze_text: Analyze) -> None:
    """ "refused to give aid": a refusal of aid, never aid given."""
    types = [
        t for t, _ in _typed(analyze_text, "The government refused to give military aid to the rebel army.")
    ]
    assert "AID" not in types and "REJECT" in types


def test_declined_comments_refusals_of_acts_stay(analyze_text: Analyze) -> None:
    """An invitation declined, a treaty not signed, a government not recognized: REJECT."""
    for text in (
        "The prime minister declined an invitation to the regional summit in Nairobi.",
        "The president declined to sign the new trade treaty with Japan.",
        "The opposition parties refused to recognize the new government in Kinshasa.",
    ):
        assert "REJECT" in [t for t, _ in _typed(analyze_text, text)], text
