"""Rule tests of the events component: the people a deportation moves are its target (`_moved_people.py`).

The object of "deport" or "expel" (a person) is who is moved; a "to" phrase is where they are sent, no target.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _deport(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    return [(e.source_text, e.target_text) for e in analysis.events if e.mode == "deport"]


def test_moved_people_number_split_from_its_people(analyze_text: Analyze) -> None:
    """ "deported 85 mostly young men to Somalia": the men, not Somalia (the parse makes the number an object
    of its own)."""
    events = _deport(analyze_text("Kenya deported 85 mostly young men to Somalia in March."))
    assert len(events) == 1
    source, target = events[0]
    assert source == "Kenya"
    assert target is not None and "men" in target and "Somalia" not in target


def test_moved_people_relative_partitive(analyze_text: Analyze) -> None:
    """ "prisoners, most of whom were deported to Peru": the prisoners, not Peru."""
    events = _deport(
        analyze_text("The camp held about 300 prisoners, most of whom were deported to Peru or Chile.")
    )
    assert len(events) == 1
    target = events[0][1]
    assert target is not None and "prisoners" in target


def test_moved_people_people_object_unchanged(analyze_text: Analyze) -> None:
    """ "deported the workers to Nepal": the object was already the target; the destination stays out."""
    assert _deport(analyze_text("Qatar deported the workers to Nepal.")) == [("Qatar", "the workers")]
