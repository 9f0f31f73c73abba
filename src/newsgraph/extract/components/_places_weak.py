"""Weak readings: a place read by its name alone that rests on little, doubted where it stands alone.

A little-known town or a division known only by another name (`weak_reading`), or a town the
tagger did not call a place (`_untagged_town`), alone in its country among the article's places,
is more likely something else (`doubt_lone_readings`).
"""

from __future__ import annotations

from collections import Counter

from newsgraph.extract.components._gazetteer import ADMIN1, CITY, GeoEntry
from newsgraph.extract.components._places_nearest import DOUBTED
from newsgraph.extract.components._places_toponym import Toponym, little_known_town


def doubt_lone_readings(toponyms: list[Toponym]) -> None:
    """Doubt a weak reading that is alone in its country among the article's places.

    A story names the country of a small foreign town ("Kisumu, Kenya"); a name that reads only
    as a small town or a division of a country the article otherwise never reaches ("Vice" of
    "Vice President" in a story of Washington and Iowa, read as a town in Peru; "the Northeast"
    of a US story, read as a region of Iceland: `weak_reading`), or only as a town of under a
    million people that the tagger did not call a place (`_untagged_town`: "the Bush
    administration", Bush in Egypt; "Westminster City Council" in a London story, Westminster
    in Colorado), is more likely something else. Such readings do not vouch for each other, nor
    do the names placed beside them (`_beside`): "the provinces of Nyanza and Western" in a Kenyan
    story, read by their names alone as a town and a province of Rwanda, reach Rwanda through
    nothing else.
    """
    # a name placed by a town beside it ("context") says nothing of its own country
    found = [(t, t.entry) for t in toponyms if t.entry is not None and t.resolved_by != "context"]
    countries = Counter(e.country for _, e in found if e.country)
    weak = [(t, e) for t, e in found if _rests_on_little(t, e)]
    for t, e in weak:
        mine = sum(1 for _, f in weak if f.country == e.country) + sum(
            1 for u, f in found if f.ident == e.ident and not _rests_on_little(u, f)
        )
        if countries[e.country or ""] == mine and len(countries) > 1:
            t.confidence = min(t.confidence, DOUBTED)


def _rests_on_little(t: Toponym, e: GeoEntry) -> bool:
    """Tell whether a reading is weak (`weak_reading`) or an untagged town (`_untagged_town`)."""
    return weak_reading(t, e) or _untagged_town(t, e)


def weak_reading(t: Toponym, e: GeoEntry) -> bool:
    """Tell whether a resolution rests on little: a little-known town or a division's other name.

    A town of under 100,000 people and under 40 GeoNames names, found by its name alone (a famous
    town, "the Venice Commission", needs no country beside it); or a first-level division found
    only by a GeoNames alternate name ("Southern", "Western", "West Coast": divisions somewhere).
    """
    if t.resolved_by != "name":
        return False
    if e.feature == CITY:
        return little_known_town(e)
    return e.feature == ADMIN1 and {m.how for m in t.matches if m.entry == e} == {"alternate"}


def _untagged_town(t: Toponym, e: GeoEntry) -> bool:
    """Tell whether a town of under a million people and under 40 GeoNames names was read by its
    name alone in a name the tagger called a person, an organisation or a product, or did not tag.

    Such a town is known to few beyond its country ("Latina", "Toyota", "Pisa" of "PISA"); the
    tagger's word that the name is a place ("reported from Washington", "in Orlando") is what a
    reading by the name alone rests on.
    """
    return (
        t.resolved_by == "name"
        and not t.tagged_place
        and e.feature == CITY
        and e.population < 1_000_000
        and e.names < 40
    )
