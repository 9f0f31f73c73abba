"""Quantities: values and units per sentence (NewsQuant, `eval/quantities/score.py`)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate.task import Figures, Task
from newsgraph.models import Analysis


def predict(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Every quantity with its value, unit, range and approximation flag."""
    quantities: list[dict[str, Any]] = []
    for q in analysis.quantities:
        line: dict[str, Any] = {
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "value": q.value,
            "unit": q.unit,
            "approximate": q.approximate,
        }
        if q.low is not None and q.high is not None:
            line["range"] = [q.low, q.high]
        quantities.append(line)
    return {"id": record["id"], "quantities": quantities}


def figures(scorer: ModuleType, gold: Path, pred: Path) -> Figures:
    """Value F1 and unit accuracy on value matches (`quantities: value_F1=… unit_acc=…`)."""
    result, _ = scorer.score(scorer.read_jsonl(gold), scorer.read_jsonl(pred))
    return {"value_F1": result["value_F1"], "unit_acc": result["unit_acc"]}


TASK = Task(name="quantities", scorer="quantities/score.py", predict=predict, figures=figures, clean=False)
