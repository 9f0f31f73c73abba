"""A division known only as a GeoNames division, of a country the article never reaches, is doubted.

The second-level divisions outside the US (`_gazetteer_divisions`) give a point to a name the
gazetteer has no other record of: a province, district or municipality known to few beyond its
country ("Nueva Ecija", "Albay"). A story names the country of such a place, or a town, a division
or a demonym of it ("the Philippine island of Bohol", "the Romanian county of Brăila"); where
none of the article's other places lies in the division's country, the name is more often
something else that happens to name a division somewhere ("the French Riviera": Riviera, a
district of Ticino in Switzerland): a guess, below the component's threshold.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.extract.components._gazetteer import ADMIN2, name_key
from newsgraph.extract.components._places_nearest import DOUBTED
from newsgraph.extract.components._places_toponym import Toponym


def lone_division(t: Toponym) -> bool:
    """Tell whether a toponym reads as a division outside the US known only as a GeoNames division."""
    e = t.entry
    if e is None or e.feature != ADMIN2 or e.country in (None, "US"):
        return False
    return all(m.how == "alternate" for m in t.matches if m.entry == e)


def doubt_divisions_of_unnamed_countries(toponyms: list[Toponym], names: Sequence[Toponym] = ()) -> None:
    """Doubt a lone division of `toponyms` whose country no other place of the article lies in.

    A place name inside a body's name (`names`: "the Philippine Department of Health") counts too.
    """
    placed = [
        u
        for u in [*toponyms, *names]
        if u.entry is not None and u.entry.country and u.confidence > DOUBTED and not lone_division(u)
    ]
    for t in toponyms:
        if not lone_division(t) or t.entry is None:
            continue
        key = name_key(t.text)
        if not any(
            u.entry is not None and u.entry.country == t.entry.country and name_key(u.text) != key
            for u in placed
        ):
            t.confidence = min(t.confidence, DOUBTED)
