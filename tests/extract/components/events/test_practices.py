"""Rule tests of the events component: a practice named by a gerund is no party.

A stance on an act or a call for one ("opposes sending …", "called for barring …", "condemned jailing …")
names a practice or a policy when the act is a gerund with no subject: its object is what the practice is
done to, not the party the stance is toward. A gerund's own subject, a to-infinitive and a plain object
keep their target.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import by_trigger, sides

Analyze = Callable[..., Analysis]


def test_practices_a_gerunds_object_is_no_target(analyze_text: Analyze) -> None:
    """ "opposes sending troops", "called for barring refugees", "condemned jailing reporters": no target."""
    for text, type_ in (
        ("The governor opposes sending National Guard soldiers to the border.", "REJECT"),
        ("The senator called for barring all refugees from entering the state.", "REQUEST"),
        ("The United Nations condemned jailing the reporters.", "ACCUSE"),
    ):
        found = sides(analyze_text(text), type_)
        assert len(found) == 1, text
        assert found[0][1] is None, text


def test_practices_a_backed_policy_has_no_object_as_target(analyze_text: Analyze) -> None:
    """ "supports keeping American troops in Iraq" backs a policy: the troops are no side of any event."""
    analysis = analyze_text("Senator Smith supports keeping American troops in Iraq.")
    assert [e.target_text for e in by_trigger(analysis, "supports") if e.target_text] == []


def test_practices_a_subject_an_infinitive_and_an_object_stay(analyze_text: Analyze) -> None:
    """The gerund's own subject, a refused to-infinitive's object and a plain object are still targets."""
    assert sides(analyze_text("The union supports people sharing their views."), "SUPPORT") == [
        ("The union", "people")
    ]
    assert sides(analyze_text("Iran refused to allow the inspectors into the site."), "REJECT") == [
        ("Iran", "the inspectors")
    ]
    assert sides(analyze_text("Germany supports the Kurdish fighters."), "SUPPORT") == [
        ("Germany", "the Kurdish fighters")
    ]
