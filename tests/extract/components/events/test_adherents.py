"""Rule tests of the events component: a plural noun for the people who stand for or against another
party, owned by that party ("its followers", "the senator's backers", "her critics"), names other people
than the owner (`adherent_nouns` in `event_actors.json`, `_generic_actors.others_of`): the side is a
group of its own, never the owner, while a name in apposition still gives the side its name."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _side(a: Analysis, trigger: str, side: str) -> list[str]:
    """The names of the source or target entities of the event with this trigger word."""
    event = next(e for e in a.events if e.trigger.text == trigger)
    ids = event.source if side == "source" else event.target
    return [g.name for g in (a.entity(i) for i in ids) if g is not None]


def test_adherents_named_owner_backers_are_not_the_owner(analyze_text: Analyze) -> None:
    a = analyze_text("Union leaders accused Governor Okafor's backers of bribing the election board.")
    assert _side(a, "accused", "target") == ["Governor Okafor's backers"]


def test_adherents_pronoun_owner_followers_are_a_group(analyze_text: Analyze) -> None:
    a = analyze_text("The movement has urged its followers to block the highways around Lima.")
    assert _side(a, "urged", "target") == ["its followers"]


def test_adherents_critics_arrested_are_not_the_owner(analyze_text: Analyze) -> None:
    a = analyze_text("Police in Minsk arrested dozens of Mayor Petrov's critics on Friday.")
    assert _side(a, "arrested", "target") == ["Mayor Petrov's critics"]


def test_adherents_a_name_in_apposition_is_the_side(analyze_text: Analyze) -> None:
    a = analyze_text("Police detained her two main rivals, Jonas Berg and Ada Lind.")
    assert _side(a, "detained", "target") == ["Jonas Berg", "Ada Lind"]
    b = analyze_text("The president met his rival, Omar Jones, in Paris on Monday.")
    assert _side(b, "met", "target") == ["Omar Jones"]
