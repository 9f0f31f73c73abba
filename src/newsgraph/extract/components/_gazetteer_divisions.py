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

from typing import TYPE_CHECKING

from newsgraph.extract.lexicons import load_text

if TYPE_CHECKING:
    from newsgraph.extract.components._gazetteer import Gazetteer

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


def load_counties(g: Gazetteer) -> None:
    """Add the US counties with a point, each under its own name."""
    from newsgraph.extract.components._gazetteer import ADMIN2, GeoEntry

    for line in load_text("places_counties.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        state, name, lat, lon = line.split("\t")[:4]
        entry = GeoEntry(
            name=name, feature=ADMIN2, lat=float(lat), lon=float(lon), country="US", admin1=state
        )
        g._add(name, entry, "name")


def load_admin2_points(g: Gazetteer) -> None:
    """Add the second-level divisions outside the US under the names no other record has.

    Run last: a name any country, division, city, region or curated alias already has is left to
    that record. The bare name counts, and the full GeoNames name when it is English ("Province of
    Albay", "Albay"; "Valea Mare", not "Comuna Valea Mare").
    """
    from newsgraph.extract.components._gazetteer import ADMIN2, GeoEntry, name_key

    taken = set(g._names)
    for line in load_text("places_admin2_points.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cc, code, name, lat, lon = line.split("\t")[:5]
        bare, full = bare_name(name)
        entry = GeoEntry(
            name=bare, feature=ADMIN2, lat=float(lat), lon=float(lon), country=cc, admin1=code or None
        )
        for n in dict.fromkeys((name, bare) if full else (bare,)):
            key = name_key(n)
            if key not in taken and key not in g.not_places and key not in g.person_names:
                g._add(n, entry, "alternate")
