"""Quantities: values and units per sentence (NewsQuant, `eval/quantities/score.py`).

NewsQuant writes a share as a percentage of what it is a share of: "one fourth of the US
population" has the unit "% US population". A fraction with a base is written that way here;
the Quantity itself keeps `unit="fraction"` and `base="the US population"`.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate.task import Figures, Task
from newsgraph.models import Analysis, Quantity


def predict(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Every quantity with its value, unit, range and approximation flag."""
    quantities: list[dict[str, Any]] = []
    for q in analysis.quantities:
        line: dict[str, Any] = {
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "value": q.value,
            "unit": _unit(q),
            "approximate": q.approximate,
        }
        if q.low is not None and q.high is not None:
            line["range"] = [q.low, q.high]
        quantities.append(line)
    return {"id": record["id"], "quantities": quantities}


_DETERMINERS = re.compile(
    r"^(?:(?:the|a|an|its|their|his|her|our|your|this|that|these|those|all)\s+)+", re.IGNORECASE
)


def _unit(q: Quantity) -> str | None:
    """Return the unit in NewsQuant's terms: a share of a base is "% <base>"."""
    if q.kind != "fraction" or not q.base:
        return q.unit
    base = _DETERMINERS.sub("", q.base).replace("'s ", " ").replace("’s ", " ")
    return f"% {base}" if base else q.unit


def figures(scorer: ModuleType, gold: Path, pred: Path) -> Figures:
    """Value F1 and unit accuracy on value matches (`quantities: value_F1=… unit_acc=…`)."""
    result, _ = scorer.score(scorer.read_jsonl(gold), scorer.read_jsonl(pred))
    return {"value_F1": result["value_F1"], "unit_acc": result["unit_acc"]}


TASK = Task(name="quantities", scorer="quantities/score.py", predict=predict, figures=figures, clean=False)
