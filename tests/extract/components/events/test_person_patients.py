"""Rule tests of the events component: "execute" kills a person, and carries out a thing.

"The regime executed two journalists" is a killing; "the agency executed the advertising campaign" and
"they will execute with precision" carry out a plan, no event.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import by_trigger, confident_triggers

Analyze = Callable[..., Analysis]


def test_person_patients_a_thing_executed_is_no_killing(analyze_text: Analyze) -> None:
    """ "executed the advertising campaign", "will execute with precision", "executed this well": no ASSAULT
    or THREATEN."""
    campaign = analyze_text("The agency planned and executed the advertising campaign for the new phone.")
    assert by_trigger(campaign, "executed") == []
    players = analyze_text("The coach said his players will execute with precision.")
    assert by_trigger(players, "execute") == []
    manager = analyze_text("The new manager executed this well in her first month.")
    assert by_trigger(manager, "executed") == []


def test_person_patients_people_executed_stay_a_killing(analyze_text: Analyze) -> None:
    """An active verb with people as its object and a passive with people as its subject keep the ASSAULT."""
    active = analyze_text("The regime executed two journalists in the capital last week.")
    assert ("ASSAULT", "executed") in confident_triggers(active)
    passive = analyze_text("Three prisoners were executed by the militia on Sunday.")
    assert ("ASSAULT", "executed") in confident_triggers(passive)
