"""A wide region named as an organisation's unit, not as a place: "the Latin America bureau".

"The Latin America bureau of Reporters Without Borders", "the eastern Mediterranean regional office
of the WHO", "its European division": the continent, world region or sea names the unit's remit,
not a place of the story, and its centre point is not where the unit is. After a country's or a
town's name the unit stands in that place ("the Washington office of Perkins Coie", "the San Diego
chapter") and the name stays a place. So with a body named for a wide region ("the Atlantic Council",
"the Asia Society"). The unit nouns and the bodies' heads are data (`places_names.json`, `unit_nouns`,
`wide_body_heads`).
"""

from __future__ import annotations

import re
from functools import cache

from newsgraph.extract.components._gazetteer import CONTINENT, REGION, SEA
from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.lexicons import load_json

_WIDE = frozenset({CONTINENT, REGION, SEA})
"""Features of places too wide for a unit to stand in."""


@cache
def _unit_after() -> re.Pattern[str]:
    """Return the pattern of a unit's noun right after a name ("bureau", "regional office")."""
    nouns = "|".join(re.escape(n) for n in load_json("places_names.json")["unit_nouns"])
    heads = "|".join(re.escape(h) for h in load_json("places_names.json")["wide_body_heads"])
    return re.compile(rf"\s+(?:(?:regional\s+)?(?:{nouns})(?:e?s)?|(?:{heads}))\b")


def names_a_unit(text: str, t: Toponym) -> bool:
    """Tell whether a toponym names the remit of an organisation's unit: a continent, world region
    or sea (the reading the gazetteer ranks first: "Asia" before the town of Asia) right before a
    unit's noun ("the Latin America bureau") or a body's capitalized head ("the Atlantic Council")."""
    if not t.matches or t.matches[0].entry.feature not in _WIDE:
        return False
    return _unit_after().match(text, t.end) is not None
