"""Rule tests of the events component: a speech verb that reports a question makes no request.

CAMEO codes asking for something (ASK, 020) and leaves asking a question uncoded (INQUIRE, QUERY,
QUESTION, WONDER): "asked why …", "asked whether …", "What …, she asked" are no events; "asked X to …"
and "asked for …" stay requests.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis

Analyze = Callable[..., Analysis]


def _requests(analysis: Analysis) -> list[str]:
    return [
        e.trigger.text
        for e in analysis.events
        if e.type == "REQUEST" and e.confidence >= EVENT_MIN_CONFIDENCE
    ]


def test_questions_an_indirect_question_is_no_request(analyze_text: Analyze) -> None:
    """A clause that opens with a wh-word, "whether" or "if" is a question asked."""
    for text in (
        "The foreign minister asked the ambassador why Russia had expelled the diplomats.",
        "Reporters asked the prime minister whether the army would withdraw from the border.",
        "The opposition leader asked the interior minister if the police would free the detained students.",
    ):
        assert _requests(analyze_text(text)) == [], text


def test_questions_a_fronted_question_is_no_request(analyze_text: Analyze) -> None:
    """ "What will …, the senator asked": the question comes before its reporting verb."""
    assert _requests(analyze_text("What will the government do about the refugees, the senator asked.")) == []


def test_questions_a_quoted_question_before_the_sentence_is_no_request(analyze_text: Analyze) -> None:
    """'"Why …?" The president asked the opposition leaders.': the reporting clause is a sentence alone."""
    text = '"Why are you still funding the militia?" The president asked the opposition leaders.'
    assert _requests(analyze_text(text)) == []


def test_questions_a_question_someone_should_ask_is_no_request(analyze_text: Analyze) -> None:
    """ "X said Y should ask why …": neither Y's question nor X's wish that Y ask it is a request."""
    text = "The opposition leader said the president should ask why the army shelled the village."
    assert [e.type for e in analyze_text(text).events if e.type == "REQUEST"] == []


def test_questions_a_request_stays_a_request(analyze_text: Analyze) -> None:
    """An infinitive or a "for" phrase is what is asked for, even with a question inside it."""
    for text in (
        "The minister asked the army to withdraw from the town.",
        "The governor asked the federal government for emergency aid.",
        "The committee asked the Justice Department to investigate whether the mayor lied.",
    ):
        assert _requests(analyze_text(text)) == ["asked"], text
