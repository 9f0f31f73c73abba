"""Rule tests of the events component: a politician's rally is a campaign event, no protest.

A rally held by, or named after, one person is that person's campaign meeting; a rally of a crowd or a
group, or one against something, stays a demonstration (PROTEST).
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _protests(analysis: Analysis) -> list[str]:
    return [e.trigger.text for e in analysis.events if e.type == "PROTEST"]


def test_campaign_rallies_a_persons_rally_is_no_protest(analyze_text: Analyze) -> None:
    """ "Jane Roe held a rally in Dayton", "a John Doe rally", "Roe's rally": a candidate's, no PROTEST."""
    for text in (
        "Senator Jane Roe held a rally in Dayton on Friday night.",
        "Last week, two farmers drove to a John Doe rally in Fresno.",
        "At Jane Roe's rally in Tulsa, some voters wore red hats.",
    ):
        assert _protests(analyze_text(text)) == [], text


def test_campaign_rallies_a_crowds_rally_stays_a_protest(analyze_text: Analyze) -> None:
    """A rally of workers or of a group, or a person's rally against something, is a demonstration."""
    for text in (
        "Thousands of nurses held a rally in Lyon on Tuesday.",
        "Opposition leader John Doe held a rally against the Kremlin in Moscow.",
    ):
        assert _protests(analyze_text(text)) != [], text


def test_campaign_rallies_protesters_at_a_persons_rally_leave_it_a_campaign(analyze_text: Analyze) -> None:
    """A protest word outside the rally's own phrase is about protesters at the rally, not the rally."""
    text = "Police escorted a protester out of a Jane Roe rally in Dayton on Friday."
    assert _protests(analyze_text(text)) == []


def test_campaign_rallies_his_rallies_and_a_rally_for_a_person(analyze_text: Analyze) -> None:
    """A singular personal possessive is a person holder; one person rallying for another campaigns."""
    for text in (
        "Many people at his rallies wore red hats and waved flags.",
        "The governor was rallying for Jane Roe, who is running for mayor.",
    ):
        assert _protests(analyze_text(text)) == [], text


def test_campaign_rallies_a_cue_of_its_own_or_a_crowd_keeps_the_protest(analyze_text: Analyze) -> None:
    """A person's rally against something, a crowd rallying for a person, and a crowd's rally with
    police in the sentence stay demonstrations."""
    for text in (
        "Jane Roe held a rally against the war in Dayton, where police watched.",
        "Supporters of Jane Roe rallied for her in Minsk as police detained dozens.",
        "Thousands of workers held a rally in Lyon, and police detained two protesters.",
    ):
        assert _protests(analyze_text(text)) != [], text
