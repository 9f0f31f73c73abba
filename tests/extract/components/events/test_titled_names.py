"""Rule tests: a title written before a name is the named person, not an entity of its own.

"Deputy Minister of the Navy for Procurement Lena Vasko" (a long title with its office's of/for-phrase,
which the parser may make the phrase's head) is Lena Vasko; "the spokesman for Senator Tom Hale" names a
second person and stays a description of its own."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import entity_names

Analyze = Callable[..., Analysis]


def test_long_title_before_a_name_is_the_named_person(analyze_text: Analyze) -> None:
    """The meeting's partner is Lena Vasko, and "Deputy Minister" is no person of its own."""
    a = analyze_text(
        "On Friday, Paul Brenner held talks with Deputy Minister of the Navy for Procurement Lena Vasko "
        "about the contract."
    )
    (talks,) = [e for e in a.events if e.type == "CONSULT"]
    assert entity_names(a, talks.target) == ["Lena Vasko"]
    assert not [e for e in a.entities if e.name == "Deputy Minister"]


def test_title_of_a_second_person_stays_apart(analyze_text: Analyze) -> None:
    """ "the spokesman for Senator Tom Hale" is not Tom Hale."""
    a = analyze_text("Police arrested the spokesman for Senator Tom Hale on Monday.")
    (arrest,) = [e for e in a.events if e.type == "COERCE"]
    assert "Tom Hale" not in entity_names(a, arrest.target)
