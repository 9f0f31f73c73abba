"""A ship named after a place: "the INS Imphal", "the SS St. Louis", "the USS Texas".

Navies and shipping lines name vessels after towns, states and regions, and write the name after a
prefix that says what the vessel is ("INS", Indian Naval Ship; "HMS", His or Her Majesty's Ship;
"USS", United States Ship; "SS", steamship; "MV", motor vessel). The name is then the ship's: a
toponym (news geoparsing sets annotate it as embedded in a name), but no place of the story
(`Toponym.literal` false, its point kept), as "an Indian warship — the INS Imphal" says nothing of
the city of Imphal. The prefixes are data (`places_names.json`, `vessel_prefixes`), matched as
whole capitalized words right before the name.
"""

from __future__ import annotations

import re
from functools import cache

from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.lexicons import load_json


@cache
def _prefix_before() -> re.Pattern[str]:
    """Return the pattern of a vessel's prefix right before a name ("INS ", "HMS ")."""
    prefixes = "|".join(re.escape(p) for p in load_json("places_names.json")["vessel_prefixes"])
    return re.compile(rf"(?<![\w.'’-])(?:{prefixes}) $")


def names_a_vessel(text: str, t: Toponym) -> bool:
    """Tell whether a toponym is a ship's name: right after a vessel's prefix ("INS Imphal")."""
    return _prefix_before().search(text, max(0, t.start - 8), t.start) is not None
