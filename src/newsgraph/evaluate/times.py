"""Times: TIMEX3 spans, types and values (TempEval-3, `eval/times/score.py`)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate.task import Figures, Task
from newsgraph.models import Analysis


def predict(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Every time expression with its offsets, type and value."""
    timexes = [
        {"start": t.start, "end": t.end, "type": t.type, "value": t.value or ""} for t in analysis.times
    ]
    return {"id": record["id"], "timexes": timexes}


def figures(scorer: ModuleType, gold: Path, pred: Path) -> Figures:
    """Relaxed span F1 and value accuracy (`times: span_F1=… value_acc=…`)."""
    result, _ = scorer.score(scorer.read_jsonl(gold), scorer.read_jsonl(pred))
    return {"span_F1": result["relaxed_F1"], "value_acc": result["value_acc"]}


TASK = Task(
    name="times",
    scorer="times/score.py",
    predict=predict,
    figures=figures,
    clean=False,
    record_published="dct",
)
