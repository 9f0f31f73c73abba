"""Rule tests: a definite description stands for the one person of the article who holds its role.

Both roles of "the lawyer and activist Dana Holt" are hers (entities component); "the journalist" is
the one journalist the article names, also when the name comes after it (the lede's role, the name in
the next sentence or the one after), but not when two people hold the role or the name comes later;
"the UNICEF director" is the director the article introduced as "UNICEF's executive director" (the
person's affiliation)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis, Event

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis, type_: str) -> list[Event]:
    return [e for e in analysis.events if e.type == type_]


def test_both_joined_roles_before_a_name_are_the_persons(analyze_text: Analyze) -> None:
    """ "the lawyer and activist Dana Holt": both "lawyer" and "activist" are her roles, so "the lawyer"
    is her."""
    a = analyze_text(
        "Police arrested the lawyer and activist Dana Holt on Monday. Supporters said she had done "
        "nothing wrong, and officials later released the lawyer."
    )
    (holt,) = [e for e in a.entities if e.name == "Dana Holt"]
    assert set(holt.roles) == {"lawyer", "activist"}
    (release,) = _events(a, "RETREAT")
    assert release.target_text == "Dana Holt"


def test_role_named_later_is_its_one_holder(analyze_text: Analyze) -> None:
    """ "the journalist" in the lede is the journalist named in the next sentence; with two
    journalists named, or with the one named only four sentences on, it stays."""
    a = analyze_text(
        "Police said a gunman tried to kill the journalist outside her home on Monday. The journalist, "
        "Dana Holt, was unhurt, officers said."
    )
    (attack,) = _events(a, "ASSAULT")
    assert attack.target_text == "Dana Holt"
    b = analyze_text(
        "Police said a gunman tried to kill the journalist outside her home on Monday. The journalist, "
        "Dana Holt, was unhurt, and her colleague, the journalist Omar Reed, was away."
    )
    (attack,) = _events(b, "ASSAULT")
    assert attack.target_text == "the journalist"
    c = analyze_text(
        "Police said a gunman tried to kill the journalist outside her home on Monday. Officers searched "
        "the street. They found a car. It was empty. The journalist Dana Holt wrote about the city."
    )
    (attack,) = _events(c, "ASSAULT")
    assert attack.target_text == "the journalist"


def test_affiliation_agrees_with_a_title_name(analyze_text: Analyze) -> None:
    """ "the UNICEF director" is the person introduced as "UNICEF's executive director"."""
    a = analyze_text(
        "Mara Lind, UNICEF's executive director, told the council that children were dying. "
        "The UNICEF director urged donors to give more."
    )
    (urge,) = _events(a, "REQUEST")
    assert urge.source_text == "Mara Lind"


def test_pronoun_of_an_unnamed_description_is_its_holder(analyze_text: Analyze) -> None:
    """ "She" chained to "The UNICEF director" (no name of its own) is the director's one holder."""
    a = analyze_text(
        "Mara Lind, UNICEF's executive director, spoke first. Tom Berg of the Red Cross spoke next. "
        "The UNICEF director said the agency needs more money. She urged the council to press the "
        "warring parties."
    )
    (urge,) = _events(a, "REQUEST")
    assert urge.source_text == "Mara Lind"
