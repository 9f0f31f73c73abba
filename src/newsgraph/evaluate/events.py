"""Events: PLOVER event types with source and target actor names (`eval/events/score.py`)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate.task import Figures, Task
from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis, Event


def actor_names(analysis: Analysis, ids: list[str], text: str | None) -> str | None:
    """Return an event slot as names: the actor phrases as written, else the entities' names.

    Compound actors are joined by " ; ". The phrase ("U.N. mediator Diego Cordovez") is preferred to
    the entity's canonical name because it carries the role and organisation the gold may name.
    """
    if text:
        return text
    names = [e.name for e in (analysis.entity(i) for i in ids) if e is not None]
    return " ; ".join(dict.fromkeys(names)) or None


def predict_event(analysis: Analysis, event: Event) -> dict[str, Any]:
    """One event as the scorer reads it."""
    return {
        "type": event.type,
        "source": actor_names(analysis, event.source, event.source_text),
        "target": actor_names(analysis, event.target, event.target_text),
        "mode": event.mode,
        "trigger": event.trigger.text,
    }


def predict(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Every asserted (not negated) event of at least `EVENT_MIN_CONFIDENCE` (the analysis keeps more)."""
    events = [
        predict_event(analysis, e)
        for e in analysis.events
        if not e.negated and e.confidence >= EVENT_MIN_CONFIDENCE
    ]
    return {"id": record["id"], "events": events}


def scorer_args(gold: Path, pred: Path) -> list[str]:
    """The scorer takes the gold and prediction paths as positional arguments."""
    return [str(gold), str(pred)]


def figures(scorer: ModuleType, gold: Path, pred: Path) -> Figures:
    """Type micro- and macro-F1 and actor accuracy (`events: type_microF1=… type_macroF1=… actor_acc=…`)."""
    result = scorer.score(scorer.load(gold), scorer.load(pred))
    return {
        "type_microF1": result["microF1"],
        "type_macroF1": result["macroF1"],
        "actor_acc": result["actor_acc"],
    }


TASK = Task(
    name="events",
    scorer="events/score.py",
    predict=predict,
    figures=figures,
    scorer_args=scorer_args,
    clean=False,
)
