"""Resolution: each toponym's gazetteer record, ranked by kind, population and the article.

Countries, regions and divisions that the name alone settles come first; they and the places
already resolved form the article's context (`ArticleContext`), which favours candidates inside
the same countries and divisions ("Paris" in a Texas story).
"""

from __future__ import annotations

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
)
from newsgraph.extract.components._places_toponym import PlaceReader, Toponym, lies_inside


@dataclass(slots=True)
class ArticleContext:
    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[tuple[str, str]] = field(default_factory=Counter)
    sub_national: set[str] = field(default_factory=set)
    """Countries with a division or city named in the article."""


class ToponymResolver(PlaceReader):
    """Resolve toponyms against the gazetteer and the article's context."""

    def resolve(self, toponyms: list[Toponym]) -> None:
        """Pick each toponym's gazetteer record, using the article's other places as context."""
        g = self.gazetteer
        ctx = ArticleContext()
        for t in toponyms:
            if t.source in ("demonym", "embedded") and g.demonym(t.text) is not None and not t.matches:
                t.entry, t.resolved_by = g.demonym(t.text), "demonym"
            elif t.matches:
                strong = [m for m in t.matches if m.entry.feature in (COUNTRY, CONTINENT, REGION, SEA)]
                divisions = any(m.entry.feature == ADMIN1 for m in t.matches)  # "Georgia": wait for context
                if strong and not t.qualifiers and not divisions and not t.prefer_admin1:
                    t.entry, t.resolved_by = _best(strong, ctx), "name"
            if t.entry is not None:
                _count(ctx, t.entry, strong=True)
        for t in toponyms:  # divisions and cities that the name alone settles
            if t.entry is None and t.matches:
                cands = self._candidates(t)
                if cands and (len({m.entry.ident for m in cands}) == 1 or t.qualifiers):
                    t.entry, t.resolved_by = cands[0].entry, "qualifier" if t.qualifiers else "name"
                    _count(ctx, t.entry, strong=True)
        for t in toponyms:
            if t.entry is None and t.matches:
                cands = self._candidates(t)
                if cands:
                    t.entry, t.resolved_by = _best(cands, ctx), "name"
                    _count(ctx, t.entry, strong=False)
        for t in toponyms:
            if t.entry is None and t.inner is not None:
                inner = t.inner
                if inner.entry is not None:
                    pass  # a toponym of its own, resolved above
                elif inner.matches:
                    inner.entry = _best(inner.matches, ctx)
                elif g.demonym(inner.text) is not None:
                    inner.entry = g.demonym(inner.text)
                # a town inside a building's name must fit the article ("Rogers Centre" in Toronto)
                fits = inner.entry is not None and (
                    inner.entry.feature != CITY or not ctx.countries or inner.entry.country in ctx.countries
                )
                if fits and inner.entry is not None:
                    t.entry, t.resolved_by = inner.entry, "inner"
        focus = _focus(toponyms)
        for t in toponyms:
            if t.entry is not None:
                continue
            county = g.county_state(t.text, ctx.admin1s)
            if t.qualifiers:
                t.entry, t.resolved_by = t.qualifiers[0], "containing"
            elif county is not None:  # "Morris County": the state it is in
                t.entry, t.resolved_by = county, "containing"
            elif focus is not None:
                t.entry, t.resolved_by = focus, "context"

    def _candidates(self, t: Toponym) -> list[Match]:
        cands = t.matches
        if t.qualifiers:
            inside = [m for m in cands if lies_inside(m.entry, t.qualifiers) and m.entry not in t.qualifiers]
            cands = inside
        if t.prefer_admin1:  # "Washington state", "New York state"
            cands = [m for m in cands if m.entry.feature == ADMIN1] or cands
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


def _best(matches: list[Match], ctx: ArticleContext) -> GeoEntry:
    return max(matches, key=lambda m: (_score(m, ctx), m.entry.population)).entry


def _count(ctx: ArticleContext, entry: GeoEntry, *, strong: bool) -> None:
    if entry.country:
        ctx.countries[entry.country] += 1
        if entry.feature in (ADMIN1, ADMIN2, CITY):
            ctx.sub_national.add(entry.country)
    if entry.admin1 and entry.country and (strong or entry.feature == ADMIN1 or entry.population >= 100_000):
        ctx.admin1s[(entry.country, entry.admin1)] += 1


def _focus(toponyms: list[Toponym]) -> GeoEntry | None:
    """Return the article's main place: its most mentioned city, else division, else country."""
    for features in ((CITY,), (ADMIN1,), (COUNTRY,)):
        counts = Counter(t.entry for t in toponyms if t.entry is not None and t.entry.feature in features)
        if counts:
            return counts.most_common(1)[0][0]
    return None
