"""Places: toponym spans with coordinates (GeoWebNews style, `eval/places/score.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.evaluate import Task
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


def scorer_args(gold: Path, pred: Path) -> list[str]:
    """Return the scorer's command-line arguments."""
    return ["--gold", str(gold), "--pred", str(pred)]


TASK = Task(name="places", scorer="places/score.py", predict=predict, scorer_args=scorer_args, clean=False)
