"""Times: TIMEX3 spans, types and values (TempEval-3, `eval/times/score.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.evaluate import Task
from newsgraph.models import Analysis


def predict(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Every time expression with its offsets, type and value."""
    timexes = [
        {"start": t.start, "end": t.end, "type": t.type, "value": t.value or ""} for t in analysis.times
    ]
    return {"id": record["id"], "timexes": timexes}


def scorer_args(gold: Path, pred: Path) -> list[str]:
    """Return the scorer's command-line arguments."""
    return ["--gold", str(gold), "--pred", str(pred)]


TASK = Task(
    name="times",
    scorer="times/score.py",
    predict=predict,
    scorer_args=scorer_args,
    clean=False,
    record_published="dct",
)
