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

Dated articles link when published at most `WINDOW_DAYS` apart, at least one entity is shared
and the score reaches `LINK_SCORE`. An undated article (about half the corpus) has no date to
rule out a coincidence — outbreaks of one disease in one country years apart read alike — so it
links (to a dated or undated article) only with a shared place finer than a country and a score
of `UNDATED_SCORE`. The thresholds were set on the corpus's pairs (docs/evaluation.md, issue 18).
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
UNDATED_SCORE = 4.3
ENTITY_CAP = 3.0
TERM_WEIGHT = 3.0
HEADLINE_WEIGHT, HEADLINE_CAP = 0.5, 2
PLACE_WEIGHT, PLACE_CAP = 0.3, 3
NUMBER_WEIGHT, NUMBER_CAP = 0.3, 2
EVENT_WEIGHT, EVENT_CAP = 0.1, 3


@dataclass(frozen=True, slots=True)
class Evidence:
    """What two articles share, and how far apart they were published (None: one is undated)."""

    entities: float
    shared_entities: int
    terms: float
    headline: int
    places: int
    numbers: int
    events: int
    days: int | None

    @property
    def score(self) -> float:
        """The weighted sum of the evidence, each part capped (module docstring)."""
        return (
            min(self.entities, ENTITY_CAP)
            + TERM_WEIGHT * self.terms
            + HEADLINE_WEIGHT * min(self.headline, HEADLINE_CAP)
            + PLACE_WEIGHT * min(self.places, PLACE_CAP)
            + NUMBER_WEIGHT * min(self.numbers, NUMBER_CAP)
            + EVENT_WEIGHT * min(self.events, EVENT_CAP)
        )

    @property
    def links(self) -> bool:
        """Whether the two articles report the same event."""
        if self.days is None:
            return self.places > 0 and self.score >= UNDATED_SCORE
        return self.days <= WINDOW_DAYS and self.shared_entities > 0 and self.score >= LINK_SCORE


def compare(a: Features, b: Features) -> Evidence:
    """Return what two articles share; symmetric: `compare(a, b) == compare(b, a)`."""
    entities, shared = min(_entities(a, b), _entities(b, a))  # greedy matching: the same both ways
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
        days=days_apart(a.day, b.day),
    )


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
