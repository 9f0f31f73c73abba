"""Second-level divisions for the gazetteer: US counties and the divisions of other countries.

US counties (`places_counties.tsv`) are names of their own ("Suffolk County"). The second-level
divisions of other countries (`places_admin2_points.tsv`: the provinces of the Philippines or
Italy, districts, departments, municipalities) are many and their names often a town's, a
person's or a word's; they only give a point to a name the gazetteer has no other record of
("Nueva Ecija", "South Cotabato"), count as GeoNames alternate names (found for a name the
tagger calls a place, never a reason to take a word of the text for one) and name no qualifier.
Both files are written by `scripts/build_admin_points.py` from GeoNames (CC BY 4.0).
"""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph.extract.lexicons import load_text

ENGLISH_DESIGNATIONS = ("Province of ", "District of ")
"""English words that begin a division's name in GeoNames ("Province of Nueva Ecija")."""

DESIGNATIONS = (
    *ENGLISH_DESIGNATIONS,
    "Provincia de ",
    "Provincia del ",
    "Provincia di ",
    "Province de ",
    "Province du ",
    "Departamento de ",
    "Departamento del ",
    "Departement de ",
    "Departement du ",
    "Departement des ",
    "Municipio de ",
    "Municipio ",
    "Partido de ",
    "Canton de ",
    "Comuna ",
    "Municipiul ",
    "Oras ",
    "Gemeente ",
    "Politischer Bezirk ",
    "Bezirk ",
    "Powiat ",
    "Okres ",
    "Obshtina ",
    "Nomos ",
    "Rrethi i ",
    "Komuna e ",
    "Grad ",
)
"""Words that begin a division's name in GeoNames, in English or the country's language
("Provincia di Latina", "Comuna Valea Mare", "Powiat poznanski"): news names it without them."""

DESIGNATION_ENDS = (
    " Province",
    " District",
    " Prefecture",
    " Regency",
    " Municipality",
    " Kommun",
    " Kommune",
    " Rayon",
    " Okrug",
)
"""Words that end a division's name in GeoNames ("Kisumu District", "Solna Kommun"): also the bare name."""


def bare_name(name: str) -> tuple[str, bool]:
    """Return a division's name without its designation, and whether news also writes the full name.

    "Province of Nueva Ecija" gives ("Nueva Ecija", True), "Comuna Valea Mare" ("Valea Mare",
    False): an English designation is part of a name news writes, another language's is not.
    """
    for word in DESIGNATIONS:
        if name.startswith(word) and len(name) > len(word):
            return name[len(word) :], word in ENGLISH_DESIGNATIONS
    for word in DESIGNATION_ENDS:
        if name.endswith(word) and len(name) > len(word):
            return name[: -len(word)], word in (" Province", " District", " Prefecture", " Regency")
    return name, True


def county_rows() -> Iterator[tuple[str, str, float, float]]:
    """Yield the US counties with a point: state, name, latitude, longitude."""
    for line in load_text("places_counties.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        state, name, lat, lon = line.split("\t")[:4]
        yield state, name, float(lat), float(lon)


def admin2_rows() -> Iterator[tuple[str, str | None, str, tuple[str, ...], float, float]]:
    """Yield the second-level divisions outside the US: country, admin1 code, bare name, the names
    news writes it by, latitude, longitude.

    The gazetteer loads them last and only under names no other record has (a name any country,
    division, city, region or curated alias already has is left to that record). The bare name
    counts, and the full GeoNames name when it is English ("Province of Albay", "Albay"; "Valea
    Mare", not "Comuna Valea Mare").
    """
    for line in load_text("places_admin2_points.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cc, code, name, lat, lon = line.split("\t")[:5]
        bare, full = bare_name(name)
        names = tuple(dict.fromkeys((name, bare) if full else (bare,)))
        yield cc, code or None, bare, names, float(lat), float(lon)
