"""A little-known town read in another country than the place named just before it.

"A serious accident in the province of Cajamarca, in Peru … in the communities of San Juan,
Choropampa, and Magdalena": a story names the country of a passage before its small places, and a
town of that passage lies in that country. Where the gazetteer lacks the right town ("San Juan"
of Cajamarca) and ranks a homonym of another country only narrowly first (San Juan, Texas, in a
story that also names Denver), the reading is a guess: the place keeps its name, but no point (an
unresolvable small place is better left unresolved than placed on another continent). Read on the
place named nearest before the town, within a few sentences, that is not itself placed by a town
beside it; a town that its passage's country holds, or a well-known one, or one the ranking puts
clearly first (a confidence of `NARROW` or more), keeps its reading.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.extract.components._places_toponym import Toponym, little_known_town

NARROW = 0.75
"""A ranked reading's confidence below which it led its best homonym by under 10 points (of a town's
score, about a tenfold population): a narrow lead."""
REACH = 300
"""How far before a town, in characters, the place named before it still sets its passage."""
DOUBTED = 0.45
"""The confidence of a doubted reading: below the component's threshold, so it takes no point."""


def _narrow(t: Toponym) -> bool:
    """Tell whether a toponym is a little-known town that its name alone, among homonyms, narrowly placed."""
    e = t.entry
    return (
        e is not None
        and t.resolved_by == "name"
        and not t.qualifiers
        and little_known_town(e)
        and t.confidence < NARROW
    )


def doubt_towns_of_another_country(toponyms: list[Toponym], names: Sequence[Toponym] = ()) -> None:
    """Doubt a narrowly placed little-known town of `toponyms` whose country is not that of the
    place named nearest before it (see the module docstring); a place name inside a body's name
    (`names`: "The Philippines Department of Environment … a breeding farm in Laguna") also sets the
    passage's country."""
    placed = sorted(
        (
            t
            for t in [*toponyms, *names]
            if t.entry is not None
            and t.entry.country
            and t.resolved_by != "context"
            and t.confidence > DOUBTED
        ),
        key=lambda t: t.start,
    )
    for t in toponyms:
        if not _narrow(t) or t.entry is None:
            continue
        before = [u for u in placed if u.end <= t.start and t.start - u.end <= REACH]
        if before and before[-1].entry is not None and before[-1].entry.country != t.entry.country:
            t.confidence = min(t.confidence, DOUBTED)
