"""Places: toponym spans with coordinates (GeoWebNews style, `eval/places/score.py`)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate.task import Figures, Task
from newsgraph.models import Analysis


def predict(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Every mention of every place, with the place's point."""
    seen: set[tuple[int, int]] = set()
    toponyms: list[dict[str, Any]] = []
    for place in analysis.places:
        for m in place.mentions:
            if (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            toponyms.append({"start": m.start, "end": m.end, "lat": place.lat, "lon": place.lon})
    toponyms.sort(key=lambda x: (x["start"], x["end"]))
    return {"id": record["id"], "toponyms": toponyms}


def figures(scorer: ModuleType, gold: Path, pred: Path) -> Figures:
    """Exact detection F1 and accuracy within 161 km (`places: detect_F1=… acc161=…`)."""
    result, _ = scorer.score(scorer.read_jsonl(gold), scorer.read_jsonl(pred))
    return {"detect_F1": result["exact_F1"], "acc161": result["acc161"]}


TASK = Task(name="places", scorer="places/score.py", predict=predict, figures=figures, clean=False)
