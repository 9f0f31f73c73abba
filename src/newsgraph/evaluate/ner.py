"""NER: entity name spans with their labels (CoNLL-2003 style, `eval/ner/score.py`)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate.task import Figures, Task
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


def figures(scorer: ModuleType, gold: Path, pred: Path) -> Figures:
    """Span micro-F1 over all types and F1 per type (`ner: F1=… PER=… ORG=… LOC=…`)."""
    result = scorer.score(scorer.load(gold), scorer.load(pred))
    return {"F1": result["ALL"][5], **{label: result[label][5] for label in ("PER", "ORG", "LOC")}}


# Names come from the entities component alone: the other components add no name mentions.
TASK = Task(
    name="ner",
    scorer="ner/score.py",
    predict=predict,
    figures=figures,
    clean=False,
    components=("newsgraph_entities",),
)
