"""The watch index: the keys of a watch, and the keys of a new article.

An article can match a watch only if it holds one of the watch's keys, so matching looks up the
article's keys in `watch_keys` and checks only the watches found (`match.py`), whatever their
number. A watch is indexed under the most selective thing every match must hold:

    quote     speaker:ID
    number    claimant:ID, else unit:STEMS, else term:STEM for each alternative of one group
    event     actor:ID (source, else target), else place:NAME, else country:CC, else event:TYPE
    entities  entity:ID of its least mentioned entity
    story     story:ID (matched from the stories' changes, `match.py`: no article holds the key)
    search    term:STEM for each alternative of its most selective group of words

An article holds `speaker:` and `claimant:` for the speakers of its quotes and claimants of its
numbers, `unit:` for its numbers' units, `actor:`, `place:`, `country:` and `event:` for its
confident events, `entity:` for every entity it mentions, and `term:` for every stem of its title
and text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from newsgraph.store.watches import spec
from newsgraph.store.watches.spec import WatchQuery
from newsgraph.store.watches.terms import TextQuery, fold, unit_key

MAX_KEY = 200
"""Keys are cut to the length of `watch_keys.key` (on both sides, so a long word still matches)."""


def key(kind: str, value: object) -> str:
    """Return one index key, e.g. `speaker:12`."""
    return f"{kind}:{value}"[:MAX_KEY]


def watch_keys(query: WatchQuery, rarest: Callable[[list[int]], int]) -> list[str]:
    """Return the keys to index a watch under; `rarest` picks the least mentioned of some entities.

    Raises:
        InputError: a text query no stem can stand for (only `word*` terms).
    """
    if isinstance(query, spec.QuoteWatch):
        return [key("speaker", query.speaker)]
    if isinstance(query, spec.NumberWatch):
        if query.claimant is not None:
            return [key("claimant", query.claimant)]
        if query.unit is not None:
            return [key("unit", unit_key(query.unit))]
        assert query.words is not None  # the model requires one of the three
        return [key("term", stem) for stem in TextQuery.parse(query.words).anchors()]
    if isinstance(query, spec.EventWatch):
        return [_event_key(query)]
    if isinstance(query, spec.EntitiesWatch):
        return [key("entity", rarest(sorted(set(query.entities))))]
    if isinstance(query, spec.StoryWatch):
        return [key("story", query.story)]
    assert isinstance(query, spec.SearchWatch)
    return [key("term", stem) for stem in TextQuery.parse(query.query).anchors()]


def _event_key(query: spec.EventWatch) -> str:
    actor = query.source if query.source is not None else query.target
    if actor is not None:
        return key("actor", actor)
    if query.place is not None:
        return key("place", fold(query.place.strip()))
    if query.country is not None:
        return key("country", query.country)
    return key("event", query.type)


def term_keys(stems: Iterable[str]) -> set[str]:
    """Return the `term:` keys of some stems."""
    return {key("term", s) for s in stems}
