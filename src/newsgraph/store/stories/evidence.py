"""Do two articles report the same event? A decision from the evidence of the two alone.

`compare(a, b)` measures what two articles' `Features` share; `Evidence.links` decides. Both
depend on the two articles only (no corpus statistics), so the story graph, and its connected
components, the stories, are the same whatever order the articles arrive in.

The score adds up, each part capped so no single kind of evidence decides alone:

| part | weight | cap | why |
|---|---|---|---|
| shared entities | specificity x salience (the smaller of the two) | 3 | the same people, central in both |
| key terms | 3 x cosine of the two sets | 3 | the same words for what happened (names left out) |
| headline words | 0.5 each | 1 | the same thing in both headlines |
| places finer than a country | 0.3 each | 0.9 | the same town or province |
| numbers | 0.3 each | 0.6 | the same count of the same noun ("31 people") |
| events | 0.1 each | 0.3 | the same PLOVER type and trigger word |

The last four parts are the evidence of the same happening (`Evidence.what`); the entities and
places say who and where. Two articles link when:

- nothing rules it out (`conflict`): each names a different main disease (an outbreak has one
  cause), they number the same kind of incident differently ("the fourth case", "the 8th
  case"), or their headlines recall or warn about two different things ("warning on
  pistachios", "warning on cantaloupes": a regulator's recalls share the agency, the germ and
  the states of a nationwide distribution, but each product is its own recall);
- they are not two reports of a recurring genre on different days: two market reports (each
  names two or more market indices), two running reports ("The Latest: ...", "...: update") or
  two poll reports of different days report different trading days, different days' news or
  different polls, however alike they read; two market reports of one day sharing an index
  report the same session;
- `what` reaches `WHAT_SCORE`: sharing only people and places, however central (a campaign's
  candidates, a company), is a topic, not an event;
- dated: published at most `WINDOW_DAYS` apart, sharing an entity, and the score reaches
  `LINK_SCORE` plus `DAY_SCORE` a day apart (reports of one event days apart need more
  evidence, which keeps a developing topic from chaining into one story);
- undated (about half the corpus): with no date to rule out a coincidence — outbreaks of one
  disease in one country years apart read alike — a shared town or city, or two shared places
  finer than a country, a shared entity, and a score of `UNDATED_SCORE`; and the ledes' tallies
  do not tell two moments apart (`apart`): when both ledes count the same noun and the nearest
  two counts differ `TALLY_RATIO`-fold or more ("19,273 confirmed cases" / "316,000 cases"), they
  report two states of a developing story (weeks apart) or two scopes (a country, the world). A
  toll grows as an event's reports follow each other, but within days not tenfold. Nor do they
  link when each lede names people by full name and none of them is named in the other article
  (`apart`, "actors"): who declared, warned or recalled is in the lede, and different people
  doing the same thing (a state's governor, a federal secretary) are two events.

The thresholds were set on the corpus's pairs and checked on a second set, the PolNeAR train
articles (docs/evaluation.md, issue 18).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from newsgraph.store.stories.features import Features

WINDOW_DAYS = 3
"""Two dated reports of one event are published at most this many days apart (a story can last
longer: it grows through its articles, each within the window of another)."""
LINK_SCORE = 2.6
DAY_SCORE = 0.4
WHAT_SCORE = 0.9
UNDATED_SCORE = 2.6
TALLY_RATIO = 10.0
ENTITY_CAP = 3.0
TERM_WEIGHT = 3.0
HEADLINE_WEIGHT, HEADLINE_CAP = 0.5, 2
PLACE_WEIGHT, PLACE_CAP = 0.3, 3
NUMBER_WEIGHT, NUMBER_CAP = 0.3, 2
EVENT_WEIGHT, EVENT_CAP = 0.1, 3
PRECISION = 6
"""Decimals a score is compared to its bound at: a sum of floats misses a bound it meets exactly
(3 x cosine 0.3 = 0.8999999999999999 < 0.9; 2.6 + 0.4 x 3 = 3.8000000000000003)."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """What two articles share, and how far apart they were published (None: one is undated).

    `genre` is the recurring genre both belong to, `conflict` why they cannot report one event,
    `local` how many towns or cities they share.
    """

    entities: float
    shared_entities: int
    terms: float
    headline: int
    places: int
    numbers: int
    events: int
    days: int | None
    genre: str | None = None
    conflict: str | None = None
    local: int = 0

    @property
    def what(self) -> float:
        """The evidence that the two report the same happening: its words, counts and events."""
        return (
            TERM_WEIGHT * self.terms
            + HEADLINE_WEIGHT * min(self.headline, HEADLINE_CAP)
            + NUMBER_WEIGHT * min(self.numbers, NUMBER_CAP)
            + EVENT_WEIGHT * min(self.events, EVENT_CAP)
        )

    @property
    def score(self) -> float:
        """The weighted sum of the evidence, each part capped (module docstring)."""
        return min(self.entities, ENTITY_CAP) + self.what + PLACE_WEIGHT * min(self.places, PLACE_CAP)

    @property
    def links(self) -> bool:
        """Whether the two articles report the same event."""
        if self.conflict is not None:
            return False
        if self.genre is not None and self.days != 0:
            return False
        if self.genre == "market":
            return self.shared_entities > 0
        if not _reaches(self.what, WHAT_SCORE):
            return False
        if self.days is None:
            placed = self.local > 0 or self.places >= 2
            return placed and self.shared_entities > 0 and _reaches(self.score, UNDATED_SCORE)
        return (
            self.days <= WINDOW_DAYS
            and self.shared_entities > 0
            and _reaches(self.score, LINK_SCORE + DAY_SCORE * self.days)
        )


def _reaches(value: float, bound: float) -> bool:
    """Whether a score reaches its bound, both rounded to `PRECISION` decimals."""
    return round(value, PRECISION) >= round(bound, PRECISION)


def compare(a: Features, b: Features) -> Evidence:
    """Return what two articles share; symmetric: `compare(a, b) == compare(b, a)`."""
    entities, shared = min(_entities(a, b), _entities(b, a))  # greedy matching: the same both ways
    days = days_apart(a.day, b.day)
    fine_a = {key for key, fine in a.places if fine}
    fine_b = {key for key, fine in b.places if fine}
    terms = len(a.terms & b.terms) / math.sqrt(len(a.terms) * len(b.terms)) if a.terms and b.terms else 0.0
    return Evidence(
        entities=round(entities, 6),
        shared_entities=shared,
        terms=round(terms, 6),
        headline=len(a.headline & b.headline),
        places=len(fine_a & fine_b),
        numbers=len(a.numbers & b.numbers),
        events=len(a.events & b.events),
        days=days,
        genre=a.genre if a.genre == b.genre else None,
        conflict=conflict(a, b) or (apart(a, b) if days is None else None),
        local=len(a.local & b.local),
    )


def conflict(a: Features, b: Features) -> str | None:
    """Return why two articles cannot report one event, or None.

    "disease": each names a disease the other does not (the main one of each: an outbreak has
    one cause); "numbered": they number the same kind of incident differently ("the fourth
    case", "the 8th case"); "focus": their headlines recall or warn about objects with no word in
    common, and neither object is among the other article's key terms, headline words or names.
    """
    main_a, main_b = _main(a, "DISEASE"), _main(b, "DISEASE")
    if main_a and main_b and not (main_a & _all(b, "DISEASE")) and not (main_b & _all(a, "DISEASE")):
        return "disease"
    nouns = {noun for _, noun in a.numbered} & {noun for _, noun in b.numbered}
    for noun in nouns:
        if not {n for n, w in a.numbered if w == noun} & {n for n, w in b.numbered if w == noun}:
            return "numbered"
    if a.focus and b.focus and not (a.focus & b.known()) and not (b.focus & a.known()):
        return "focus"
    return None


def apart(a: Features, b: Features) -> str | None:
    """Return why two undated articles report two moments or two events, or None (module docstring).

    "tally": the two ledes count the same noun `TALLY_RATIO`-fold apart; for each noun both ledes
    count, the nearest pair of their counts is compared, so a lede with several counts of
    "people" (the dead, the evacuated) conflicts only when none is near. "actors": each lede
    names people, none of whom the other article names.
    """
    if a.actors and b.actors and not (_named(a.actors, b) or _named(b.actors, a)):
        return "actors"
    for noun in {u for _, u in a.tallies} & {u for _, u in b.tallies}:
        ours = [v for v, u in a.tallies if u == noun]
        theirs = [v for v, u in b.tallies if u == noun]
        if min(max(x, y) / min(x, y) for x in ours for y in theirs) >= TALLY_RATIO:
            return "tally"
    return None


def _named(actors: tuple[tuple[str, ...], ...], other: Features) -> bool:
    """Whether the other article names one of the actors: by identity key, or a person of the same surname.

    The surname catches a name the identity keys spell apart ("Donald J. Trump", "Donald Trump").
    """
    keys = {k for e in other.entities for k in e.keys}
    surnames = {_surname(k) for e in other.entities if e.type == "PERSON" for k in e.keys} - {""}
    return any(keys.intersection(actor) or surnames.intersection(map(_surname, actor)) for actor in actors)


def _surname(key: str) -> str:
    """Return the last word of a name key ("n:donald j trump" -> "trump"; none: "")."""
    words = key.rsplit(":", 1)[-1].split()
    return words[-1] if words else ""


def _main(features: Features, kind: str) -> frozenset[str]:
    """Return the keys of the article's weightiest entity of a type (none: empty)."""
    best = max((e for e in features.entities if e.type == kind), key=lambda e: e.weight, default=None)
    return frozenset(best.keys) if best else frozenset()


def _all(features: Features, kind: str) -> frozenset[str]:
    return frozenset(k for e in features.entities if e.type == kind for k in e.keys)


def days_apart(a: str | None, b: str | None) -> int | None:
    """Return how many days apart two `YYYY-MM-DD` days are, or None if either is unknown."""
    if not a or not b:
        return None
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def _entities(small: Features, large: Features) -> tuple[float, int]:
    """Sum, over the entities of `small` that `large` names too, the smaller of their two weights."""
    owner: dict[str, int] = {}
    for index, entity in enumerate(large.entities):
        for key in entity.keys:
            owner.setdefault(key, index)
    total, shared, used = 0.0, 0, set()
    for entity in small.entities:
        match = next((owner[k] for k in entity.keys if k in owner and owner[k] not in used), None)
        if match is None:
            continue
        used.add(match)
        shared += 1
        total += min(entity.weight, large.entities[match].weight)
    return total, shared
