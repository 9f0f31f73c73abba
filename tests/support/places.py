"""Finding an analysis's place by where it is mentioned, shared by the places tests."""

from __future__ import annotations

from newsgraph.models import Analysis, Place


def place_at(analysis: Analysis, start: int) -> Place:
    """Return the place with a mention starting at `start`; fail naming the places found."""
    for place in analysis.places:
        if any(m.start == start for m in place.mentions):
            return place
    raise AssertionError(f"no place mentioned at {start}: {[p.name for p in analysis.places]}")
