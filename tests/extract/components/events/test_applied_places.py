"""Rule tests of the events component: the place where an act applies is no side of it.

"The ministry bans fishing in the southern part of the disputed sea": the sea is where fishing is banned;
those banned are not named. A named place stays the target (a measure on a named town applies to its people).
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _targets(analysis: Analysis, type_: str) -> list[str | None]:
    return [e.target_text for e in analysis.events if e.type == type_]


def test_applied_places_a_place_phrase_of_the_object_is_no_target(analyze_text: Analyze) -> None:
    """The "in"/"at" phrase of what is banned or voted for says where."""
    for text, type_, place in (
        ("The ministry bans fishing in the southern part of the disputed sea.", "COERCE", "sea"),
        (
            "On Monday, Oregon state senators voted 18-12 in favor the prohibition of sales of sugary "
            "sodas at public schools during lunch hours.",
            "AGREE",
            "schools",
        ),
    ):
        targets = _targets(analyze_text(text), type_)
        assert targets, text
        assert all(t is None or place not in t for t in targets), (text, targets)


def test_applied_places_a_named_place_stays_the_target(analyze_text: Analyze) -> None:
    """ "imposed a curfew in Mandalay": the curfew binds the town's people; a name stays the target."""
    assert _targets(analyze_text("The army imposed a curfew in Mandalay."), "COERCE") == ["Mandalay"]
