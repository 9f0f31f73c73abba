"""Rule tests of the events component: who answers a demand is the one it was made to.

"Officials have not responded to BLA's demands": the officials are the ones BLA asked. The one who
responds to, ignores, heeds, meets or considers a demand, a request or an appeal is its target; the one
who repeats or makes it is not.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _requests(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == "REQUEST"]


def test_answered_the_one_who_answers_a_demand_is_its_target(analyze_text: Analyze) -> None:
    """The noun as the answering verb's object or its "to" object, with the asker as its owner."""
    for text, pair in (
        ("The mayor has not responded to the teachers' demands.", ("the teachers", "The mayor")),
        ("The cabinet ignored parliament's demand for new elections.", ("parliament", "The cabinet")),
        ("The junta did not heed the U.N. appeal for restraint.", ("U.N.", "The junta")),
        (
            "The ministry ignored parliament's demand for details of the new budget.",
            ("parliament", "The ministry"),
        ),
        (
            "The ministry is considering the opposition's request for a recount.",
            ("the opposition", "The ministry"),
        ),
    ):
        assert _requests(analyze_text(text)) == [pair], text


def test_answered_the_doer_of_a_passive_answer_is_the_target(analyze_text: Analyze) -> None:
    """ "The demands were ignored by the government": the "by" phrase answers."""
    assert _requests(analyze_text("The miners' demands were ignored by the government.")) == [
        ("The miners", "the government")
    ]


def test_answered_a_demand_only_made_or_repeated_has_no_answerer(analyze_text: Analyze) -> None:
    """ "The rebels repeated their demands": no one answers; a request for comment with no asker is no
    event."""
    assert _requests(analyze_text("The rebels repeated their demands on Tuesday.")) == [("The rebels", None)]
    assert _requests(analyze_text("The ministry did not respond to a request for comment.")) == []


def test_answered_a_request_for_comment_is_not_read(analyze_text: Analyze) -> None:
    """ "ignored the paper's requests for comment": words asked for, no political request answered."""
    assert (
        _requests(analyze_text("The two ministries have ignored the newspaper's requests for comment.")) == []
    )
