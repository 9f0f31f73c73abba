"""Rule tests of the events component (issue 15, targets in a prepositional phrase): an event noun's
content phrase ("threats of reprisals", "a complaint for damages") carries the "against X" that names
the event's target; a content's "with" phrase says something of the content, not whom the act is aimed at."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_content_aims_threats_of_an_act_against_an_actor(analyze_text: Analyze) -> None:
    threats = analyze_text("Rebel commanders issued threats of reprisals against the army.")
    assert sides(threats, "THREATEN") == [("Rebel commanders", "the army")]


def test_content_aims_a_complaint_for_a_remedy_against_an_actor(analyze_text: Analyze) -> None:
    complaint = analyze_text("The mayor filed a complaint for damages against the construction company.")
    assert sides(complaint, "ACCUSE") == [("The mayor", "the construction company")]


def test_content_aims_accusations_of_a_wrong_against_an_actor(analyze_text: Analyze) -> None:
    accusations = analyze_text("Critics leveled accusations of corruption against the minister.")
    assert sides(accusations, "ACCUSE") == [("Critics", "the minister")]


def test_content_aims_not_read_from_a_with_phrase(analyze_text: Analyze) -> None:
    dismissed = analyze_text("The senator dismissed allegations of collusion with Russia.")
    assert sides(dismissed, "REJECT") == [("The senator", None)]
