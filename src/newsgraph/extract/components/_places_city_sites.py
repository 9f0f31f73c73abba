"""A named site lies in the city the sentence puts it in: "Munich's Olympia mall", "the Olympia
shopping mall – one of Germany's largest – in Munich", "Rome's Gemelli hospital".

English names a building, square or park of a city by the city's possessive, then the site's own
name and its head ("London's Wembley Stadium", "Moscow's Sheremetyevo airport", "Cleveland's Public
Square"), or by "the", the site's name and head, then "in", "near", "at", "outside" or "of" and the
city, with at most an appositive between set off by dashes, commas or brackets ("the Olympia shopping
mall – one of Germany's largest shopping centers – in Munich"). The site's name is often a place
name too (Olympia, Washington; Washington, D.C.), but there it names the site, which lies inside the
city: the site takes the city as the place inside its name (`Toponym.inner`, resolved by
`ToponymResolver._resolve_inner`), never a namesake town elsewhere. The heads are the facility heads
of `places_names.json` (`facility_heads`, `weak_facility_heads`), capitalised or not ("the Olympia
shopping mall"), with at most one word between the name and its head ("shopping"). A country's
possessive says less ("southern China's Zhuhai Gaolan port" is in the town of Zhuhai): only a name
read as a city, never as a country or region, places the site. After "the", only a name whose every
reading is a town is moved: "the Black Sea port of Odessa" names the sea, not a site in Odessa.

A capitalised name after "CITY's" that no stage found ("Rome's Gemelli hospital", "New York's JFK
airport": a lower-case head, so the facility stage of `_places_detect` does not grow it) is a site
of the city too, and is added as one; a capitalised head is part of its name ("Wichita's Wesley
Medical Center"), a lower-case one is not. A name ending in the head of a body's name
(`office_heads` of `places_names.json`: "Charleston's Navy base") names the body that owns the site,
not the site, and is left alone.
"""

from __future__ import annotations

import re
from bisect import insort
from functools import cache

from newsgraph.extract.components._gazetteer import CITY, CONTINENT, COUNTRY, REGION, Gazetteer
from newsgraph.extract.components._places_offices import office_heads
from newsgraph.extract.components._places_toponym import Toponym

_POSSESSIVE_BEFORE = re.compile(r"['’]s $")
_THE_BEFORE = re.compile(r"\b(?:the|The) $")
_CITY_AFTER = re.compile(
    r"(?:\s*(?P<open>[,(–—]|\s-)[^.;:!?\n()–—]{1,80}?(?:(?P=open)|[)–—]|\s-)|,)?\s(?:in|near|at|outside|of) "
)
"""After a site's head: an appositive set off by dashes, commas or brackets, if any, then the
preposition that names where the site is ("… – one of Germany's largest shopping centers – in ")."""
_NAME_AFTER_POSSESSIVE = re.compile(r"['’]s ((?:[A-Z][\w’'-]*[a-zA-Z](?: |$)){1,4})")
"""Up to four capitalised words after a possessive: a site's name ("Moscow's Sheremetyevo ")."""


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


def _only_towns(t: Toponym) -> bool:
    """Tell whether every reading of a name is a town ("Olympia"; not "Black Sea", not "Iranian")."""
    return bool(t.matches) and all(m.entry.feature == CITY for m in t.matches)


def _city_before(text: str, t: Toponym, by_end: dict[int, Toponym]) -> Toponym | None:
    """Return the city whose possessive names the site: "Munich's" of "Munich's Olympia mall"."""
    possessive = _POSSESSIVE_BEFORE.search(text, max(0, t.start - 3), t.start)
    city = by_end.get(possessive.start()) if possessive is not None else None
    return city if city is not None and city is not t and _a_city(city) else None


def _city_after(text: str, t: Toponym, head_end: int, by_start: dict[int, Toponym]) -> Toponym | None:
    """Return the city "the" site is said to be in: "Munich" of "the Olympia mall … in Munich"."""
    if _THE_BEFORE.search(text, max(0, t.start - 4), t.start) is None or not _only_towns(t):
        return None
    where = _CITY_AFTER.match(text, head_end)
    city = by_start.get(where.end()) if where is not None else None
    return city if city is not None and city is not t and _a_city(city) else None


def place_sites_in_cities(g: Gazetteer, text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """Give a site named in a city that city as its inner place (see the docstring); return the
    toponyms with the sites no stage found."""
    heads = _head_after(g.facility_heads | g.weak_facility_heads)
    by_end = {t.end: t for t in toponyms}
    by_start = {t.start: t for t in toponyms}
    for t in toponyms:
        head = heads.match(text, t.end)
        city = _city_before(text, t, by_end)
        if city is None and head is not None:
            city = _city_after(text, t, head.end(), by_start)
        if city is None:
            continue
        if t.source != "facility" and head is None:
            continue  # "Munich's Olympia mall", not "Boston's Franklin said"
        if t.matches or t.inner is not None:
            t.source, t.inner, t.matches, t.qualifiers = "facility", city, [], []
    return _add_unfound_sites(text, toponyms, heads)


def _add_unfound_sites(text: str, toponyms: list[Toponym], heads: re.Pattern[str]) -> list[Toponym]:
    """Add the capitalised name of a site after a city's possessive that no stage found ("Rome's
    Gemelli hospital"), as a site inside that city."""
    found = list(toponyms)
    taken = [(t.start, t.end) for t in toponyms]
    for city in toponyms:
        name = _NAME_AFTER_POSSESSIVE.match(text, city.end) if _a_city(city) else None
        if name is None:
            continue
        start, end = name.start(1), name.end(1) - (name.group(1).endswith(" "))
        head = heads.match(text, end)
        if head is None or any(s < end and start < e for s, e in taken):
            continue
        if text[start:end].rsplit(" ", 1)[-1] in office_heads():
            continue  # "Charleston's Navy base": a body's base, not a site's name
        if text[end + 1 : head.end()].istitle():
            end = head.end()  # "Wichita's Wesley Medical Center": the capitalised head is in the name
        insort(found, Toponym(start, end, text[start:end], "facility", inner=city), key=lambda t: t.start)
    return found
