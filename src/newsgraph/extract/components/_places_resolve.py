"""Resolution: each toponym's gazetteer record, ranked by kind, population and the article.

Countries, regions and divisions that the name alone settles come first; they and the places
already resolved form the article's context (`ArticleContext`), which favours candidates inside
the same countries and divisions ("Paris" in a Texas story).
"""

from __future__ import annotations

import copy
import math
from collections import Counter
from dataclasses import dataclass, field

from newsgraph.extract.components._gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    FACILITY,
    REGION,
    SEA,
    GeoEntry,
    Match,
    name_key,
)
from newsgraph.extract.components._places_discourse import keep_stated_places
from newsgraph.extract.components._places_extent import container_confidence
from newsgraph.extract.components._places_lone_divisions import doubt_divisions_of_unnamed_countries
from newsgraph.extract.components._places_lone_towns import doubt_towns_of_unnamed_states
from newsgraph.extract.components._places_namesakes import Sentences, dominant_city, strong_evidence
from newsgraph.extract.components._places_nearest import doubt_towns_of_another_country
from newsgraph.extract.components._places_toponym import (
    BIG_TOWN,
    PlaceReader,
    Toponym,
    lies_inside,
    us_states,
)
from newsgraph.extract.components._places_weak import doubt_lone_readings, weak_reading


@dataclass(slots=True)
class ArticleContext:
    """The places an article has named so far, for the ranking of the others."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[tuple[str, str]] = field(default_factory=Counter)
    sub_national: set[str] = field(default_factory=set)
    """Countries with a division or city named in the article."""
    divisions: dict[str, set[str]] = field(default_factory=dict)
    """Country -> the first-level divisions of it named as such ("Alabama", "Texas")."""
    seen_at: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    """(Country, division) -> where the article named it or a town of it."""
    stated: set[tuple[str, str, str | None, str | None]] = field(default_factory=set)
    """The places the article names with their qualifier ("Paris, Texas"): later bare mentions
    of the name may mean them."""
    places_in: dict[tuple[str, str], set[tuple[str, str, str | None, str | None]]] = field(
        default_factory=dict
    )
    """(Country, division) -> the towns and counties of it the article names."""
    sentences: Sentences = field(default_factory=Sentences)
    """The article's sentences, asked on demand (`_places_namesakes`)."""


class ToponymResolver(PlaceReader):
    """Resolve toponyms against the gazetteer and the article's context."""

    def resolve(self, toponyms: list[Toponym], sentences: Sentences | None = None) -> None:
        """Pick each toponym's gazetteer record and say how sure that is (`Toponym.confidence`).

        A place name inside a newspaper's or company's name ("The Washington Post") is resolved
        by its name in the article's context (and takes a county the article names), but is no
        context for the others; a weak reading of it alone in its country is doubted as a literal
        one is ("Westminster City Council" in a London story is no council in Colorado), unless a
        curated other name gives it ("The Washington Post": the capital). A building named as the
        body working in it ("a professor at Koya University in Iraqi Kurdistan") is resolved as the
        building it is.
        """
        ctx = ArticleContext(sentences=sentences or Sentences())
        literal = [t for t in toponyms if t.literal or t.body]  # a body stands where it is named for
        self._resolve_areas(literal, ctx)
        self._resolve_settled(literal, ctx)
        self._resolve_ranked(literal, ctx)
        _counties_by_short_name(literal)
        self._resolve_towns(literal, ctx)
        self._resolve_inner(literal, ctx)
        self._resolve_fallback(literal, ctx)
        keep_stated_places(literal)
        self._drop_first_names(literal)
        doubt_lone_readings(literal)
        doubt_towns_of_unnamed_states(literal)
        names = [t for t in toponyms if not t.literal and not t.body]
        if names:
            scratch = copy.deepcopy(ctx)
            self._resolve_areas(names, scratch)
            self._resolve_settled(names, scratch)
            self._resolve_ranked(names, scratch)
            _counties_by_short_name(names, literal)  # "the Suffolk Times." in a Suffolk County story
            doubtful = [
                t for t in names if not any(m.how == "alias" and m.entry == t.entry for m in t.matches)
            ]
            doubt_lone_readings([*literal, *doubtful])  # "Westminster City Council" in a London story
        doubt_towns_of_another_country(literal, names)  # "in Peru … the communities of San Juan": not Texas
        doubt_divisions_of_unnamed_countries(literal, names)  # "the French Riviera": no Swiss district

    def _resolve_areas(self, toponyms: list[Toponym], ctx: ArticleContext) -> None:
        """Demonyms, and countries, regions and seas that no division shares a name with."""
        g = self.gazetteer
        for t in toponyms:
            if t.source in ("demonym", "embedded") and g.demonym(t.text) is not None and not t.matches:
                t.entry, t.resolved_by, t.confidence = g.demonym(t.text), "demonym", 0.9
            elif t.matches:
                strong = [m for m in t.matches if m.entry.feature in (COUNTRY, CONTINENT, REGION, SEA)]
                divisions = any(m.entry.feature == ADMIN1 for m in t.matches)  # "Georgia": wait for context
                if strong and not t.qualifiers and not divisions and not t.prefer_admin1:
                    t.entry, t.confidence = _ranked(strong, ctx)
                    t.resolved_by = "name"
            if t.entry is not None:
                _count(ctx, t.entry, strong=True, at=t.start)

    def _resolve_settled(self, toponyms: list[Toponym], ctx: ArticleContext) -> None:
        """Divisions and cities that the name alone or a stated qualifier settles."""
        for t in toponyms:
            if t.entry is None and t.matches:
                cands = self._candidates(t)
                if cands and (len({m.entry.ident for m in cands}) == 1 or t.qualifiers):
                    t.entry, t.resolved_by = cands[0].entry, "qualifier" if t.qualifiers else "name"
                    t.confidence = 0.95
                    if t.qualifiers:
                        ctx.stated.add(t.entry.ident)
                    _count(ctx, t.entry, strong=True, at=t.start)

    def _resolve_ranked(self, toponyms: list[Toponym], ctx: ArticleContext) -> None:
        """Homonyms: the qualifier of a town just before ("Blakely, Georgia"), else the best ranked."""
        before: Toponym | None = None
        for t in toponyms:
            if t.entry is None and t.matches:
                cands = self._candidates(t)
                town = before.entry if before is not None and t.start - before.end == 2 else None
                holding = [m for m in cands if town is not None and lies_inside(town, [m.entry])]
                if holding:
                    t.entry, t.confidence = holding[0].entry, 0.95
                elif cands and _state_not_country(t, cands, ctx):
                    t.entry, t.confidence = _ranked(_state_not_country(t, cands, ctx), ctx, t.start)
                elif cands:
                    t.entry, t.confidence = _ranked(cands, ctx, t.start)
                    famous = _famous_city(cands, t.entry, ctx, t.start)
                    if famous is not None:
                        t.entry, t.confidence = famous, 0.6
                if t.entry is not None:
                    t.resolved_by = "name"
                    _count(ctx, t.entry, strong=False, at=t.start)
            before = t

    def _resolve_towns(self, toponyms: list[Toponym], ctx: ArticleContext) -> None:
        """Small US towns (`_places_towns`) in the state the article gives them.

        A stated qualifier settles a name the gazetteer lacks ("Philippi, West Virginia");
        otherwise a US state the article names (or a county or a large town of it) does, for a
        name the gazetteer lacks or knows only as a smaller town of another state ("Riverdale" in
        a New Jersey story) and that is not as often a word or a person's name.
        """
        states = set(ctx.divisions.get("US", ())) | {a for c, a in ctx.admin1s if c == "US"}
        named = {a: n for (c, a), n in ctx.admin1s.items() if c == "US"}
        main = {a for a, n in named.items() if n == max(named.values())} if named else set()
        counties = {
            (t.entry.admin1 or "", t.entry.name)
            for t in toponyms
            if t.entry is not None and t.entry.feature == ADMIN2 and t.entry.country == "US"
        }
        # how often each US state or other country is reached, to tell whether a town is alone in it
        reached = Counter((_area(t.entry), t.entry.ident) for t in toponyms if t.entry is not None)
        by_area = Counter(area for area, _ in reached.elements())
        for t in toponyms:
            e = t.entry
            alone = e is None or (
                e.feature == CITY
                and e.admin1 not in ctx.divisions.get("US", ())
                and by_area[_area(e)] == reached[(_area(e), e.ident)]
            )
            found = self._small_town(t, (states, main), counties, alone)
            if found is not None:
                town, sure = found
                t.entry, t.resolved_by, t.confidence = town, "qualifier" if t.qualifiers else "name", sure
                _count(ctx, town, strong=bool(t.qualifiers), at=t.start)

    def _small_town(
        self,
        t: Toponym,
        states_and_main: tuple[set[str], set[str]],
        counties: set[tuple[str, str]],
        alone: bool,
    ) -> tuple[GeoEntry, float] | None:
        """Return the small US town a toponym names, and how sure that is; None when none.

        Its stated qualifier decides; a county the article names that holds a town of the name
        decides against a gazetteer town of a state the article reaches by it alone (`alone`:
        "Austin, in Scott County, Indiana"); a state the article names (`states_and_main`: the
        states it names and the most named of them), for a name that is no common word or
        person's.
        """
        states, main_states = states_and_main
        stated = us_states(t.qualifiers)
        if stated:
            town = self.towns.find(t.text, stated, counties) if t.entry is None else None
            return (town, 0.95) if town is not None else None
        if t.source not in _NAMED_SOURCES or t.in_city:
            return None
        in_county = self.towns.in_counties(t.text, counties)
        if in_county is not None and alone:
            return in_county, 0.9
        key = name_key(t.text)
        # "the West", "Bill, Hillary and Chelsea"; but "a prison in Shelby"
        person = key in self.gazetteer.person_names and not t.after_locative
        if (
            not states
            or key in self.gazetteer.not_places
            or person
            or not _may_be_small_town(t, states, alone)
        ):
            return None
        # against a larger town elsewhere, only the article's main state: "Riverdale" in a New
        # Jersey story, not "Lynchburg" (Virginia) in a Minnesota story naming "Solon, Ohio"
        town = self.towns.find(t.text, states if t.entry is None else main_states, counties)
        return (town, 0.8) if town is not None else None

    def _resolve_inner(self, toponyms: list[Toponym], ctx: ArticleContext) -> None:
        """A building takes the point of the toponym inside its name ("Delhi High Court")."""
        g = self.gazetteer
        for t in toponyms:
            if t.entry is not None or t.inner is None:
                continue
            inner = t.inner
            if inner.entry is None and inner.matches:
                inner.entry, inner.confidence = _ranked(inner.matches, ctx)
            elif inner.entry is None and g.demonym(inner.text) is not None:
                inner.entry, inner.confidence = g.demonym(inner.text), 0.9
            # a town inside a building's name must fit the article ("Rogers Centre" in Toronto)
            fits = inner.entry is not None and (
                inner.entry.feature != CITY or not ctx.countries or inner.entry.country in ctx.countries
            )
            if fits and inner.entry is not None:
                # a building is seldom near its country's centre ("U.S. Supreme Court"): a guess only
                sure = 0.45 if inner.entry.feature == COUNTRY else min(0.8, inner.confidence or 0.8)
                if _named_for_a_homonym(t, inner):
                    sure = 0.45  # "Columbia University": not in Columbia, South Carolina
                t.entry, t.resolved_by, t.confidence = inner.entry, "inner", sure
                _count(ctx, inner.entry, strong=False, at=t.start)

    def _resolve_fallback(self, toponyms: list[Toponym], ctx: ArticleContext) -> None:
        """Names the gazetteer lacks: what contains them, else (weakly) a town named beside them.

        A country or division whose towns lie far from its point ("Charlevoix, Quebec") is only a
        guess for a place inside it, below the threshold (`_places_extent`). Only a town or county
        the article names within a few sentences (`_beside`), in an article whose places all lie in
        its country, is evidence of where an unknown name lies ("the Mahoning Valley and the
        Cleveland area"), unless the text calls the name a division ("the provinces of Guangdong,
        Guangxi … and Beijing", `_places_divisions`); the article's main place alone ("Denver"
        for "Henrico" in a story of many states) is only a guess, below the threshold.
        """
        g = self.gazetteer
        focus = _focus(toponyms)
        resolved = {t.entry.country for t in toponyms if t.entry is not None and t.entry.country}
        for t in toponyms:
            if t.entry is not None or t.needs_point or t.source == "water":
                continue  # a sea lies at no town named beside it
            county = g.county_state(t.text, ctx.admin1s)
            if container := t.qualifiers[0] if t.qualifiers else county:  # "Morris County": its state
                t.entry, t.resolved_by = container, "containing"
                t.confidence = container_confidence(g, container)  # "Charlevoix, Quebec": a guess
            elif (beside := None if t.names_division else _beside(t, toponyms)) is not None:
                one_country = resolved == {beside.country}
                t.entry, t.resolved_by, t.confidence = beside, "context", 0.55 if one_country else 0.35
            elif focus is not None:
                t.entry, t.resolved_by, t.confidence = focus, "context", 0.35

    def _drop_first_names(self, toponyms: list[Toponym]) -> None:
        """Take a town named as often as a person ("Chelsea") that the article places nowhere for a person.

        A name of `person_names` whose reading rests on little (`weak_reading`: a little-known
        town, a division known only by another name), with no locative word before it ("with
        Chelsea", not "in Chelsea") and no other place of the article in its state or province,
        is a person's name: no place (`Toponym.needs_point`, as a small town the article places
        in no state). So is such a reading of the first word of a landmark's name ("Temple" of
        "the Temple Mount", `Toponym.starts_landmark`), even after a locative word ("in Waltham
        Forest"): the word names the feature, and the town is only a town of that name.
        """
        g = self.gazetteer
        for t in toponyms:
            e = t.entry
            if e is None or not weak_reading(t, e):
                continue
            if not t.starts_landmark and (t.after_locative or name_key(t.text) not in g.person_names):
                continue
            key = name_key(t.text)
            beside = any(
                u.entry is not None
                and name_key(u.text) != key
                and u.entry.country == e.country
                and u.entry.admin1 == e.admin1
                for u in toponyms
            )
            if not beside:
                t.entry, t.resolved_by, t.needs_point = None, None, True

    def _candidates(self, t: Toponym) -> list[Match]:
        cands = t.matches
        if t.qualifiers:
            inside = [m for m in cands if lies_inside(m.entry, t.qualifiers) and m.entry not in t.qualifiers]
            cands = inside
        if t.prefer_admin1:  # "Washington state", "New York state"
            cands = [m for m in cands if m.entry.feature == ADMIN1] or cands
        elif t.dateline:  # "WASHINGTON (AP) —": the city
            cands = [m for m in cands if m.entry.feature == CITY] or cands
        return cands


def _score(m: Match, ctx: ArticleContext) -> float:
    e = m.entry
    if e.feature == COUNTRY:
        score = 100.0
    elif e.feature in (CONTINENT, REGION, SEA, FACILITY):
        score = 95.0
    elif e.feature in (ADMIN1, ADMIN2):
        score = 80.0
        if e.country in ctx.countries:
            score += 18.0 if e.country in ctx.sub_national else 12.0
        if e.admin1 is not None and (e.country or "", e.admin1) in ctx.admin1s:
            score += 30.0
    else:
        # population and fame (how many names GeoNames knows), then the article's country and state
        score = 10.0 + 10.0 * math.log10(max(e.population, 1)) + 2.0 * math.log2(1 + e.names)
        if e.country in ctx.countries:
            score += 12.0 if e.country in ctx.sub_national else 5.0
        if e.admin1 is not None and (e.country or "", e.admin1) in ctx.admin1s:
            score += 15.0
    if m.how == "alias":
        score += 30.0 if e.feature == CITY else 5.0
    elif m.how == "alternate":
        score -= 15.0
    return score


_NAMED_SOURCES = frozenset({"entity", "dateline", "qualified", "scan"})
"""Toponyms the text itself names as places (not a building's inner name, not a demonym)."""


def _named_for_a_homonym(t: Toponym, inner: Toponym) -> bool:
    """Tell whether a building is named for a town whose name several towns share alike.

    A name that begins the building's name ("Georgetown University", "Columbia University",
    "Suffolk University"; not "University of Richmond", which says where it is) read as a town
    only by ranking towns of that name, none far ahead (confidence under 0.8), says little of
    where the building is: such buildings are often named for a neighbourhood, a county or a
    founder's word, not for the town the ranking picks.
    """
    e = inner.entry
    return inner.start == t.start and e is not None and e.feature == CITY and inner.confidence < 0.8


def _may_be_small_town(t: Toponym, states: set[str], alone: bool) -> bool:
    """Tell whether a place name may be a small town of the article's US `states`.

    Only a name the gazetteer lacks or knows only as a town of under 100,000 people of another
    state, chosen without certainty, or of another country that no other place of the article
    is in ("Malakoff", France, in a Texas story: the gazetteer's only Malakoff, so certain by
    its name alone).
    """
    e = t.entry
    if e is None:
        return True
    if e.feature != CITY or e.population >= BIG_TOWN:
        return False
    if e.country != "US":
        return alone
    return e.admin1 not in states and t.confidence < 0.9


def _area(e: GeoEntry) -> tuple[str | None, str | None]:
    """Return the US state of a place, or its country outside the US."""
    return (e.country, e.admin1 if e.country == "US" else None)


def _counties_by_short_name(toponyms: list[Toponym], named: list[Toponym] | None = None) -> None:
    """Give "Suffolk" the county the article (`named`, by default the same toponyms) calls
    "Suffolk County" rather than a far town."""
    counties = {
        name_key(t.entry.name).rsplit(" ", 1)[0]: t
        for t in (toponyms if named is None else named)
        if t.entry is not None and t.entry.feature == ADMIN2 and " " in t.entry.name
    }
    for t in toponyms:
        county = counties.get(name_key(t.text))
        if county is not None and t.entry is not None and t.entry.feature == CITY and t.confidence < 0.9:
            t.entry, t.confidence = county.entry, min(0.8, county.confidence)


def _state_not_country(t: Toponym, cands: list[Match], ctx: ArticleContext) -> list[Match]:
    """Return the US states among a country's homonyms when the article's context says so.

    "Alabama and Georgia", "the states of Texas and Georgia": another state is named; "Blakely,
    Georgia" in an article that names the United States: the name qualifies a town. "Russia's
    invasion of Georgia" has neither.
    """
    if not any(m.entry.feature == COUNTRY for m in cands):
        return []
    states = [m for m in cands if m.entry.feature == ADMIN1 and m.entry.country == "US"]
    if t.prefer_admin1 or ctx.divisions.get("US", set()) - {m.entry.admin1 for m in states}:
        return states
    return states if t.after_town and "US" in ctx.countries else []


def _famous_city(cands: list[Match], town: GeoEntry, ctx: ArticleContext, at: int) -> GeoEntry | None:
    """Return the famous city of a name that the article's context ranked below a namesake.

    A state named somewhere ("Texas Sen. Ted Cruz") does not make "the Paris attacks" Paris,
    Texas (`_places_namesakes`): only the namesake stated with its qualifier, a place of its state
    in the same sentence, or (against a city of under a million people) two other places of its
    state keep it.
    """
    if town.ident in ctx.stated:
        return None
    famous = dominant_city(cands, town, ctx.countries)
    if famous is None:
        return None
    key = (town.country or "", town.admin1 or "")
    others = len(ctx.places_in.get(key, set()) - {town.ident})
    if strong_evidence(famous, at, ctx.seen_at.get(key, ()), ctx.sentences, others):
        return None
    return famous


def _ranked(matches: list[Match], ctx: ArticleContext, at: int = -1) -> tuple[GeoEntry, float]:
    """Return the best ranked record and a confidence from its lead over the next other place.

    A state named just before (`at`, within a few sentences) adds to its counties' score:
    "swans in Michigan … in Monroe County" is Michigan's county; so, less, does the state the
    article names most: "Greene County" in a story of Iowa that once names a town of Arkansas.
    Both add as much to the US towns of a name that only US towns of a like size share
    (`_peer_towns`): "visited Missouri … a rally in Springfield".
    """
    named = Counter({key: n for key, n in ctx.admin1s.items() if key[0] == "US"})
    most = max(named.values(), default=0)

    def gap(m: Match) -> int:
        key = (m.entry.country or "", m.entry.admin1 or "")
        return min((abs(at - p) for p in ctx.seen_at.get(key, ()) if p != at and at >= 0), default=10**6)

    towns = _peer_towns(matches, ctx)
    nearest = min((gap(m) for m in matches if m.entry.feature == ADMIN2 or m in towns), default=10**6)

    def score(m: Match) -> float:
        if m.entry.feature != ADMIN2 and m not in towns:
            return _score(m, ctx)
        key = (m.entry.country or "", m.entry.admin1 or "")
        near = nearest <= 300 and gap(m) == nearest
        main = most > 0 and named[key] == most
        return _score(m, ctx) + (8.0 if near else 0.0) + (4.0 if main else 0.0)

    ranked = sorted(matches, key=lambda m: (score(m), m.entry.population), reverse=True)
    best = ranked[0]
    rival = next((m for m in ranked[1:] if m.entry.ident != best.entry.ident), None)
    if rival is None:
        return best.entry, 0.9
    lead = score(best) - score(rival)
    return best.entry, round(0.55 + min(0.4, max(0.0, lead) / 50.0), 3)


def _peer_towns(matches: list[Match], ctx: ArticleContext) -> list[Match]:
    """Return the US towns of a name that the states named near it may rank: "visited Missouri
    … a rally in Springfield" (Missouri's, 170,000 people, not Illinois's capital), "introduced
    his wife in Hudson" in a New Hampshire story (not Hudson, Ohio).

    Only where the name's best record by itself is a US town and no homonym is a world city of a
    million people ("the Paris attacks" near "Kentucky Sen. Rand Paul": `_famous_city` reads those),
    and only its homonyms of at least a tenth of its people: "the convention in Cleveland" near
    "Sen. Ted Cruz of Texas" stays in Ohio, and neither a state ("Delaware") nor a province
    ("Ontario") yields to a town.
    """
    best = max(matches, key=lambda m: (_score(m, ctx), m.entry.population))
    world = any(m.entry.feature == CITY and m.entry.population >= 1_000_000 for m in matches)
    if best.entry.feature != CITY or best.entry.country != "US" or world:
        return []
    floor = best.entry.population / 10
    return [
        m
        for m in matches
        if m.entry.feature == CITY and m.entry.country == "US" and m.entry.population >= floor
    ]


def _count(ctx: ArticleContext, entry: GeoEntry, *, strong: bool, at: int) -> None:
    if entry.country:
        ctx.countries[entry.country] += 1
        if entry.feature in (ADMIN1, ADMIN2, CITY):
            ctx.sub_national.add(entry.country)
    if entry.admin1 and entry.country and (strong or entry.feature == ADMIN1 or entry.population >= 100_000):
        ctx.admin1s[(entry.country, entry.admin1)] += 1
    if entry.feature == ADMIN1 and entry.country and entry.admin1:
        ctx.divisions.setdefault(entry.country, set()).add(entry.admin1)
    if entry.country and entry.admin1:
        ctx.seen_at.setdefault((entry.country, entry.admin1), []).append(at)
        if entry.feature in (ADMIN2, CITY):
            ctx.places_in.setdefault((entry.country, entry.admin1), set()).add(entry.ident)


def _beside(t: Toponym, toponyms: list[Toponym], reach: int = 300) -> GeoEntry | None:
    """Return the town or county named nearest a toponym, within `reach` characters, else None.

    Not a state or a country: a university or a poll named beside a list of states ("a Quinnipiac
    University poll shows Ohio, Pennsylvania and Florida close") lies in none of them.
    """
    near = [
        (min(abs(u.start - t.end), abs(t.start - u.end)), u.entry)
        for u in toponyms
        if u is not t
        and u.entry is not None
        and u.entry.feature in (CITY, ADMIN2)
        and u.resolved_by in _EVIDENCE
        and (abs(u.start - t.end) <= reach or abs(t.start - u.end) <= reach)
    ]
    return min(near, key=lambda x: x[0])[1] if near else None


_EVIDENCE = frozenset({"name", "qualifier", "containing"})
"""How a place must be resolved to place an unknown name beside it (not itself a guess)."""


def _focus(toponyms: list[Toponym]) -> GeoEntry | None:
    """Return the article's main place: its most mentioned city, else division, else country."""
    for features in ((CITY,), (ADMIN1,), (COUNTRY,)):
        counts = Counter(t.entry for t in toponyms if t.entry is not None and t.entry.feature in features)
        if counts:
            return counts.most_common(1)[0][0]
    return None
