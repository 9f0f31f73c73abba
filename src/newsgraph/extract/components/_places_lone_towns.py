"""A little-known US town in a state the article never reaches is more likely something else.

A US story names the state of a small town it means ("Osceola, Iowa"; "Fenton" in a story of Iowa
is the Iowa hamlet, not the gazetteer's Fenton, Michigan). A name read as a town of under 100,000
people and under 40 GeoNames names by its name alone (`Toponym.resolved_by` "name"), in an article
that names US states but not the town's, and no other place in that state, is more often a brand,
a person, a school or a county of the story's state ("the labels Albertson, Hillandale, Sun
Valley", "Lockheed Martin", "at Franklin" of Franklin Elementary, "the counties of Macomb and
Oakland" in Michigan): a guess, below the threshold. The text's own "in" before the name ("a
distributor in Solon") still places it.
"""

from __future__ import annotations

import re

from newsgraph.extract.components._gazetteer import ADMIN1, GeoEntry, name_key
from newsgraph.extract.components._places_nearest import DOUBTED
from newsgraph.extract.components._places_toponym import Toponym, little_known_town

_IN_BEFORE = re.compile(r"\bin\s$")
_POSSESSIVE = re.compile(r"['’]s\b")


def mark_after_in(text: str, toponyms: list[Toponym]) -> None:
    """Mark each toponym right after "in" and not possessive (`Toponym.after_in`)."""
    for t in toponyms:
        before = _IN_BEFORE.search(text, max(0, t.start - 4), t.start) is not None
        t.after_in = before and _POSSESSIVE.match(text, t.end) is None


def doubt_towns_of_unnamed_states(toponyms: list[Toponym]) -> None:
    """Doubt a little-known US town read by its name alone in a state the article never reaches."""
    states = {
        t.entry.admin1
        for t in toponyms
        if t.entry is not None and t.entry.feature == ADMIN1 and t.entry.country == "US"
    }
    if not states:
        return
    for t in toponyms:
        e = t.entry
        if (
            e is None
            or t.resolved_by != "name"
            or t.after_in
            or e.country != "US"
            or not little_known_town(e)
        ):
            continue
        if e.admin1 in states or _state_reached(toponyms, e, name_key(t.text)):
            continue
        t.confidence = min(t.confidence, DOUBTED)


def _state_reached(toponyms: list[Toponym], e: GeoEntry, key: str) -> bool:
    """Tell whether a place of another name lies in the town's state."""
    return any(
        u.entry is not None
        and name_key(u.text) != key
        and u.entry.country == "US"
        and u.entry.admin1 == e.admin1
        for u in toponyms
    )
