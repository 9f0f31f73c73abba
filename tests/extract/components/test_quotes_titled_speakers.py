"""Rule test of the quotes component: a speaker written as a title before a name is the named person.

"Norland's army chief of staff Ri Song Chol said, …": the quotes component ends the speaker's phrase
at the title; the speaker is Ri Song Chol, not a description entity of its own."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def test_title_before_a_name_speaks_for_the_named_person(analyze_text: Analyze) -> None:
    a = analyze_text(
        "In response, Norland's army chief of staff Ri Song Chol said, "
        '"The use of force is not the privilege of the south only."'
    )
    by_id = {e.id: e.name for e in a.entities}
    (quote,) = a.quotes
    assert quote.speaker is not None
    assert by_id[quote.speaker] == "Ri Song Chol"
