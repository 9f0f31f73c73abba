"""A site named after a city's possessive lies in that city: "Munich's Olympia mall", "New York's
Washington Square Park".

English names a building, square or park of a city by the city's possessive, then the site's own
name and its head ("London's Wembley Stadium", "Moscow's Sheremetyevo airport", "Cleveland's Public
Square"). The site's name is often a place name too (Olympia, Washington; Washington, D.C.), but
after "CITY's" it names the site, which lies inside the city: the site takes the city as the place
inside its name (`Toponym.inner`, resolved by `ToponymResolver._resolve_inner`), never a namesake
town elsewhere. The heads are the facility heads of `places_names.json` (`facility_heads`,
`weak_facility_heads`), capitalised or not ("the Olympia shopping mall"), with at most one word
between the name and its head ("shopping"). A country's possessive says less ("southern China's
Zhuhai Gaolan port" is in the town of Zhuhai): only a name read as a city, never as a country or
region, places the site.
"""

from __future__ import annotations

import re
from functools import cache

from newsgraph.extract.components._gazetteer import CITY, CONTINENT, COUNTRY, REGION, Gazetteer
from newsgraph.extract.components._places_toponym import Toponym

_POSSESSIVE_BEFORE = re.compile(r"['’]s $")


@cache
def _head_after(heads: frozenset[str]) -> re.Pattern[str]:
    """Return the pattern of a facility's head after a name, with at most one word before it."""
    words = sorted({h.lower() for h in heads if h.isalpha()} | {h for h in heads if h.isalpha()})
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf" (?:[A-Za-z]+ )?(?:{alternatives})\b")


def _a_city(t: Toponym) -> bool:
    """Tell whether a name reads as a city and never as a country or a region ("China's": a country)."""
    features = {m.entry.feature for m in t.matches}
    return CITY in features and not features & {COUNTRY, CONTINENT, REGION}


def place_sites_in_cities(g: Gazetteer, text: str, toponyms: list[Toponym]) -> None:
    """Give a site named after a city's possessive that city as its inner place (see the docstring)."""
    heads = _head_after(g.facility_heads | g.weak_facility_heads)
    by_end = {t.end: t for t in toponyms}
    for t in toponyms:
        possessive = _POSSESSIVE_BEFORE.search(text, max(0, t.start - 3), t.start)
        city = by_end.get(possessive.start()) if possessive is not None else None
        if city is None or city is t or not _a_city(city):
            continue
        if t.source != "facility" and heads.match(text, t.end) is None:
            continue  # "Munich's Olympia mall", not "Boston's Franklin said"
        if t.matches or t.inner is not None:
            t.source, t.inner, t.matches, t.qualifiers = "facility", city, [], []
