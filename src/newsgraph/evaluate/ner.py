"""NER: entity name spans with their labels (CoNLL-2003 style, `eval/ner/score.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.evaluate import Task
from newsgraph.models import Analysis


def predict(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Every name mention of every entity, with the entity's type."""
    entities = [
        {"start": m.start, "end": m.end, "label": e.type}
        for e in analysis.entities
        for m in e.mentions
        if m.kind == "name"
    ]
    entities.sort(key=lambda x: (x["start"], x["end"]))
    return {"id": record["id"], "entities": entities}


def scorer_args(gold: Path, pred: Path) -> list[str]:
    """The NER scorer's command-line arguments."""
    return ["--gold", str(gold), "--pred", str(pred)]


# Names come from the entities component alone: the other components add no name mentions.
TASK = Task(
    name="ner",
    scorer="ner/score.py",
    predict=predict,
    scorer_args=scorer_args,
    clean=False,
    components=("newsgraph_entities",),
)
