"""Rule tests of the events component: a request or a charge one only wants or plans to make is not made.

Intended cooperation is AGREE/intend and intended material conflict THREATEN, but PLOVER has no intent form
for an appeal, a demand or an accusation: "the minister wanted to present the proposal to the donors" or
"the union plans to demand a raise" says what is to come, not what was asked.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]


def test_wished_acts_a_wished_or_planned_appeal_or_charge_is_not_made(analyze_text: Analyze) -> None:
    """ "wanted to present … to", "plans to demand", "wants to accuse": no request, no accusation yet."""
    for text in (
        "The finance minister wanted to present the proposal to the donor governments.",
        "The teachers' union plans to demand a pay rise from the city council.",
        "The senator wants to accuse the governor of fraud.",
        "The teachers' union plans to demand a pay rise and to condemn the council.",
    ):
        assert confident_triggers(analyze_text(text)) == [], text


def test_wished_acts_made_and_intended_cooperation_stay(analyze_text: Analyze) -> None:
    """A request made stays a request, as does one said with the future "be going to" (like "will"), and
    a wished meeting stays an intent (AGREE)."""
    assert confident_triggers(
        analyze_text("The teachers' union demanded a pay rise from the city council.")
    ) == [("REQUEST", "demanded")]
    assert confident_triggers(analyze_text("The senator is going to ask Congress for more money.")) == [
        ("REQUEST", "ask")
    ]
    assert [e.type for e in analyze_text("The senator wants to meet the governor.").events] == ["AGREE"]
