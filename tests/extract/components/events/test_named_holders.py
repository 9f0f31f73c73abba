"""Rule tests of the events component: a definite description stands for the holder the article names.

"the Prime Minister" after "the Prime Minister of Norland, Mr. Arvid Kessel," (a title with an
of-phrase before an honoured name the parse hangs elsewhere), "the governor" after "governor of the
Kelso province", "the senator" after "Sen.", "the president's policies" (a possessive), and "the
department" after "the Justice Department" (a body by its name's head noun). Two candidates, or a last
body named otherwise, and the description stays."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis, Event

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis, type_: str) -> list[Event]:
    return [e for e in analysis.events if e.type == type_]


def test_title_with_its_country_before_an_honoured_name_is_its_holder(analyze_text: Analyze) -> None:
    """The name after "the Prime Minister of Norland," holds that title; "the Prime Minister" is him."""
    a = analyze_text(
        "Hundreds of guests, including the Prime Minister of Norland, Mr. Arvid Kessel, watched the first "
        "train arrive. In a short speech, the Prime Minister praised the railway company."
    )
    (kessel,) = [e for e in a.entities if e.name == "Arvid Kessel"]
    assert kessel.roles == ["Prime Minister of Norland"]
    (praise,) = _events(a, "SUPPORT")
    assert praise.source_text == "Arvid Kessel"


def test_title_held_somewhere_or_abbreviated_is_its_holder(analyze_text: Analyze) -> None:
    """ "governor of the northern Kelso province" holds "governor"; "Sen." holds "senator"."""
    a = analyze_text(
        "Marta Lind, governor of the northern Kelso province, said dozens had died. "
        "The governor appealed for medical help."
    )
    (appeal,) = _events(a, "REQUEST")
    assert appeal.source_text == "Marta Lind"
    b = analyze_text(
        "Sen. Alma Reyes toured the plant on Monday. Later, activists called on the senator to release "
        "her records."
    )
    (call,) = _events(b, "REQUEST")
    assert call.target_text == "Alma Reyes"


def test_possessive_title_is_its_holder_not_a_vice(analyze_text: Analyze) -> None:
    """ "the president's policies" are the one President's; a Vice President holds another title."""
    a = analyze_text(
        "President Tom Hale met farmers on Monday. Vice President Ann Cole was absent. "
        "Critics attacked the president's policies."
    )
    (attack,) = _events(a, "ACCUSE")
    assert attack.target_text == "Tom Hale"


def test_bare_body_noun_is_the_body_named_last(analyze_text: Analyze) -> None:
    """ "the department" is the Justice Department, the body mentioned last, and still after another body
    of another kind (a news agency); with two departments named it stays."""
    a = analyze_text(
        "The Justice Department released new records on Friday. A judge had ordered the department to "
        "release all of them."
    )
    (order,) = _events(a, "COERCE")
    assert order.target_text == "Justice Department"
    b = analyze_text(
        "The Justice Department and the Energy Department released new records on Friday. A judge had "
        "ordered the department to release all of them."
    )
    assert [e.target_text for e in _events(b, "COERCE")] == ["the department"]
    c = analyze_text(
        "The Justice Department released new records on Friday, citing a Reuters report. A judge had "
        "ordered the department to release all of them."
    )
    assert [e.target_text for e in _events(c, "COERCE")] == ["Justice Department"]
