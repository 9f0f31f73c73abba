"""Views of an analysis's events for the events component's tests: one definition each."""

from __future__ import annotations

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis, Event


def sides(analysis: Analysis, type_: str) -> list[tuple[str | None, str | None]]:
    """(source text, target text) of every event of a type, confident or not."""
    return [(e.source_text, e.target_text) for e in analysis.events if e.type == type_]


def confident(analysis: Analysis, type_: str) -> list[Event]:
    """The confident events (≥ the pool's threshold) of a type."""
    return [e for e in analysis.events if e.type == type_ and e.confidence >= EVENT_MIN_CONFIDENCE]


def confident_triggers(analysis: Analysis) -> list[tuple[str, str]]:
    """(type, trigger text) of every confident event."""
    return [(e.type, e.trigger.text) for e in analysis.events if e.confidence >= EVENT_MIN_CONFIDENCE]


def side_names(analysis: Analysis, trigger: str) -> tuple[list[str], list[str]]:
    """The source and target entity names of the event with this trigger word."""
    event = next(e for e in analysis.events if e.trigger.text == trigger)
    source, target = (
        [g.name for g in map(analysis.entity, ids) if g is not None] for ids in (event.source, event.target)
    )
    return source, target


def by_trigger(analysis: Analysis, word: str) -> list[Event]:
    """Every event whose trigger is this word."""
    return [e for e in analysis.events if e.trigger.text == word]


def entity_names(analysis: Analysis, ids: list[str]) -> list[str]:
    """The names of the entities of these ids (an unknown id as itself)."""
    names = {e.id: e.name for e in analysis.entities}
    return [names.get(i, i) for i in ids]
