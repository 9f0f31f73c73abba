"""Rule tests of the events component: the hearer of a reported complaint or denial is no target.

"The senator complained to a radio host that …", "the minister denied to reporters that …": the "to" party
of a verb of saying that reports a clause is whom the words were said to, not whom they are about. A
complaint lodged with someone about something ("complained to the ministry about …") and one addressed to a
state keep the "to" party as the target.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident, sides

Analyze = Callable[..., Analysis]


def test_hearers_a_listener_told_a_clause_is_no_target(analyze_text: Analyze) -> None:
    """Reporters, a listener and the one conjoined with them are told, not complained about."""
    for text, type_ in (
        ("The opposition leader complained to reporters that the election had been rigged.", "ACCUSE"),
        (
            "Senator Bernie Sanders complained to a radio host and his producer that it was unfair.",
            "ACCUSE",
        ),
        ("The defence minister denied to reporters that the army had shelled the town.", "REJECT"),
    ):
        found = [e.target_text for e in confident(analyze_text(text), type_)]
        assert found == [None], (text, found)


def test_hearers_a_complaint_lodged_with_a_party_or_a_state_keeps_it(analyze_text: Analyze) -> None:
    """What must not change: with no clause reported, the "to" party is where the complaint is lodged; a state
    addressed is the one the complaint or protest is aimed at."""
    for text, type_, target in (
        ("China complained to Washington about the latest arms sales to Taiwan.", "ACCUSE", "Washington"),
        ("China complained to Washington that the arms sales broke the accord.", "ACCUSE", "Washington"),
        (
            "The embassy protested to the foreign ministry that its diplomats had been harassed.",
            "PROTEST",
            "the foreign ministry",
        ),
    ):
        assert sides(analyze_text(text), type_)[0][1] == target, text
