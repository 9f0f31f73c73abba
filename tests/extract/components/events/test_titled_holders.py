"""Rule tests: "COUNTRY's TITLE NAME" is the titled person, not the country that owns the title.

When the parser makes the title the phrase's head ("Ruritania's Prime Minister" with "Elena Vasko" in
apposition), the actor is still Elena Vasko; the country is her affiliation."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import entity_names

Analyze = Callable[..., Analysis]


def test_possessed_title_before_a_name_is_the_person(analyze_text: Analyze) -> None:
    """The meeting's partner is Elena Vasko, not Ruritania."""
    a = analyze_text("Anton Bekker met Ruritania's Prime Minister Elena Vasko in Oslo on Monday.")
    (meeting,) = [e for e in a.events if e.type == "CONSULT"]
    assert entity_names(a, meeting.target) == ["Elena Vasko"]


def test_possessed_title_with_the_name_after_a_comma(analyze_text: Analyze) -> None:
    """ "Ruritania's President, Anton Bekker": the target is Anton Bekker."""
    a = analyze_text("Rebels attacked the convoy of Ruritania's President, Anton Bekker, near the border.")
    (attack,) = [e for e in a.events if e.type == "ASSAULT"]
    assert entity_names(a, attack.target) == ["Anton Bekker"]
