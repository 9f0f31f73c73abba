"""A famous city keeps its name against a small namesake that only a far mention of its state supports.

A state the article names somewhere ("Senator Ted Cruz of Texas", "an RNC member from Tennessee",
"Texas-based Matt Mackowiak") says where a person is from, not where the story's towns are: it
does not make "the Paris attacks" Paris, Texas, nor "the convention gathers in Cleveland"
Cleveland, Tennessee. A name whose dominant reading is a famous city (`dominant_city`) keeps that
reading unless the evidence for the namesake is strong (`strong_evidence`): the article names it
with its qualifier ("Paris, Texas"), names a place of its state in the same sentence ("Richmond
and Petersburg"), or, against a famous city of under a million people, names two other places of
its state before it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Doc

from newsgraph.extract.components._gazetteer import CITY, GeoEntry, Match
from newsgraph.extract.components._places_toponym import BIG_TOWN, WELL_KNOWN_NAMES

_WORLD_CITY = 1_000_000
"""A city of this many people outranks a small namesake whatever it is called."""
_FAR_LARGER = 5
"""A famous city this many times the namesake's people is the name's dominant reading."""


class Sentences:
    """The start of the sentence that holds a character offset, found on demand and kept.

    Only a name read against a famous city asks (a few per hundred articles), so no document's
    sentences are walked for the others.
    """

    def __init__(self, doc: Doc | None = None) -> None:
        """Keep the parsed document (None: no sentences known)."""
        self._doc = doc
        self._found: dict[int, int] = {}

    def start(self, at: int) -> int:
        """Return where the sentence holding offset `at` starts; -1 when unknown."""
        if at not in self._found:
            doc = self._doc
            span = None
            if doc is not None and doc.has_annotation("SENT_START"):
                span = doc.char_span(at, at + 1, alignment_mode="expand")
            self._found[at] = span[0].sent.start_char if span is not None and len(span) else -1
        return self._found[at]

    def __deepcopy__(self, memo: dict[int, object]) -> Sentences:
        """Share, not copy, the document: a scratch context reads the same sentences."""
        return self


def dominant_city(cands: list[Match], town: GeoEntry, countries: Collection[str]) -> GeoEntry | None:
    """Return the famous city a name's ranking put below a smaller town, else None.

    The town must be little known beside it: under 100,000 people, or under 40 GeoNames names
    ("St. Petersburg", Florida, 257,000 people and 4 names, against Russia's 5 million and 101).
    The city has a million people (against a town of under 100,000), or 40 GeoNames names, 100,000
    people and five times the town's, and lies in the town's country or one the article names
    (Cleveland, Ohio, 365,000 people and 45 names, against Cleveland, Tennessee, 44,000 and 9; not
    Burlington, North Carolina, 52,000 people, against Burlington, New Jersey; not San Juan,
    Puerto Rico, for "the communities of San Juan" in a story of Peru). A city that bears the name
    only as a GeoNames alternate (another language's or a former name) does not dominate a town
    known abroad (40 GeoNames names) whose own name it is: "Bethlehem" is the West Bank's or
    Pennsylvania's town, not Belém, Brazil; "Monterey" is California's, not Monterrey, Mexico.
    """
    if town.feature != CITY or (town.population >= BIG_TOWN and town.names >= WELL_KNOWN_NAMES):
        return None
    small = town.population < BIG_TOWN
    known = town.names >= WELL_KNOWN_NAMES
    best: GeoEntry | None = None
    for m in cands:
        e = m.entry
        if e.feature != CITY or e.ident == town.ident or (known and m.how == "alternate"):
            continue
        world = small and e.population >= _WORLD_CITY
        famous = (
            e.names >= WELL_KNOWN_NAMES
            and e.population >= max(BIG_TOWN, _FAR_LARGER * town.population)
            and (e.country == town.country or e.country in countries)
        )
        if (world or famous) and (best is None or e.population > best.population):
            best = e
    return best


def strong_evidence(
    famous: GeoEntry,
    at: int,
    seen_at: Iterable[int],
    sentences: Sentences,
    places_of_state: int,
) -> bool:
    """Tell whether the article places a town in its state strongly enough against a famous city.

    `seen_at`: where the article named the town's state or a place of it; `sentences`: the
    article's sentences; `places_of_state`: how many other places of the
    state the article named before. Two such places outweigh a famous city, not a world city of a
    million people: an airline's "hub in Dublin" after its routes to Los Angeles and San Francisco
    is still in Ireland.
    """
    if places_of_state >= 2 and famous.population < _WORLD_CITY:
        return True
    here = sentences.start(at)
    return here >= 0 and any(p != at and sentences.start(p) == here for p in seen_at)
