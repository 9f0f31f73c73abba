"""Rule tests of the events component: a participle after a verb of seeming or feeling is a state, no act.

"The union leader felt compelled to resign" says how he felt; no one compelled him. "Was compelled",
"were arrested" and an active "forced the protesters" stay acts.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import by_trigger, confident_triggers

Analyze = Callable[..., Analysis]


def test_felt_states_felt_compelled_is_no_coercion(analyze_text: Analyze) -> None:
    """ "felt compelled to resign": no COERCE of "compelled"."""
    analysis = analyze_text("The union leader felt compelled to resign after the vote.")
    assert by_trigger(analysis, "compelled") == []


def test_felt_states_seemed_threatened_and_looked_crushed_are_no_acts(analyze_text: Analyze) -> None:
    """ "seemed threatened", "looked crushed": the subject's state, no THREATEN or COERCE."""
    assert by_trigger(analyze_text("The governor seemed threatened by the protests."), "threatened") == []
    assert by_trigger(analyze_text("The senator looked crushed when the results came in."), "crushed") == []


def test_felt_states_acts_and_their_passives_stay(analyze_text: Analyze) -> None:
    """An active "forced X to leave" and a passive "were arrested by police" keep their events."""
    forced = analyze_text("Police forced the protesters to leave the square.")
    assert ("COERCE", "forced") in confident_triggers(forced)
    arrested = analyze_text("Dozens of students were arrested by police in the capital on Monday.")
    assert ("COERCE", "arrested") in confident_triggers(arrested)
