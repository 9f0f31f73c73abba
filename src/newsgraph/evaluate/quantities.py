"""Quantities: values and units per sentence (NewsQuant, `eval/quantities/score.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.evaluate import Task
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


def scorer_args(gold: Path, pred: Path) -> list[str]:
    """Return the scorer's command-line arguments."""
    return ["--gold", str(gold), "--pred", str(pred)]


TASK = Task(
    name="quantities", scorer="quantities/score.py", predict=predict, scorer_args=scorer_args, clean=False
)
