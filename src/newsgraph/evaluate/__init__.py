"""Evaluation: predictions in the formats of `../shared/eval`, scored by its scorers.

Each task is a module here defining `TASK = Task(...)` (`task.py`): how to turn the Analysis of a
gold record into a prediction line, and how to call the task's scorer. TASKS below is the
registry (a new task module goes there; `tests/test_registries.py` checks every module is
listed). `evaluate_task` analyzes a gold file's texts with the full pipeline, writes the
predictions and returns the scorer's figures, computed by calling the scorer's own functions;
`run_task` runs the scorer script instead and returns its whole report (`newsgraph evaluate`).
The dev-set floors every change must keep are in `tests/eval_floors.json`.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import orjson

from newsgraph.errors import ConfigError, InputError
from newsgraph.evaluate import (
    cleaning,
    events,
    extract,
    extract_page,
    ner,
    places,
    quantities,
    quotes,
    times,
)
from newsgraph.evaluate.task import Figures, Task
from newsgraph.extract.pipeline import analyze_stream
from newsgraph.models import Analysis
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle, Rejected

TASKS: dict[str, Task] = {
    t.name: t
    for t in (
        cleaning.TASK,
        extract_page.TASK,
        extract.TASK,
        ner.TASK,
        quotes.TASK,
        events.TASK,
        times.TASK,
        places.TASK,
        quantities.TASK,
    )
}
"""Every evaluation task, by name."""


def get_task(name: str) -> Task:
    """Return the task called `name`.

    Raises:
        ConfigError: there is no such task.
    """
    if name not in TASKS:
        raise ConfigError(f"unknown task {name!r}; choose one of {', '.join(sorted(TASKS))}")
    return TASKS[name]


def find_scorer(gold: Path, task: Task, scorer: Path | None = None) -> Path:
    """Locate the task's scorer: given, else in `eval/` beside the gold file's `data/` folder."""
    if scorer is not None:
        return scorer
    for parent in gold.resolve().parents:
        candidate = parent / "eval" / task.scorer
        if candidate.is_file():
            return candidate
    raise ConfigError(f"cannot find the scorer eval/{task.scorer} above {gold}; pass --scorer")


def load_scorer(script: Path) -> ModuleType:
    """Import a scorer script as a module (its functions are called; its `main` is not run)."""
    spec = importlib.util.spec_from_file_location(f"newsgraph_scorer_{script.parent.name}", script)
    if spec is None or spec.loader is None:
        raise ConfigError(f"{script}: cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(gold: Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file."""
    try:
        lines = gold.read_bytes().splitlines()
    except OSError as exc:
        raise InputError(f"{gold}: cannot read: {exc.strerror or exc}") from exc
    return [orjson.loads(line) for line in lines if line.strip()]


def predict(
    task: Task, records: list[dict[str, Any]], settings: Settings, gold: Path | None = None
) -> Iterator[dict[str, Any]]:
    """Analyze each gold record's text (or `task.source` of it) and yield its prediction line."""
    # every gold record is scored, whatever its language: detection marks, never rejects, here
    changes: dict[str, Any] = {"clean": task.clean, "non_english": "mark"}
    if task.components is not None:
        changes["components"] = task.components
    settings = settings.model_copy(update=changes)
    raws: list[RawArticle | Rejected] = [
        task.source(r, gold or Path("."))
        if task.source is not None
        else RawArticle(
            text=r["text"],
            id=str(r["id"]),
            origin=f"gold:{r['id']}",
            published=r.get(task.record_published) if task.record_published else None,
        )
        for r in records
    ]
    for record, result in zip(records, analyze_stream(raws, settings=settings), strict=True):
        if isinstance(result, Analysis):
            yield task.predict(record, result)
        else:
            yield task.predict(record, _empty(record, keep_text=task.source is None))


def _empty(record: dict[str, Any], keep_text: bool = True) -> Analysis:
    # A task reading its input elsewhere must not predict the gold `text` for a failed record.
    return Analysis(id=str(record["id"]), hash="", text=record.get("text", "") if keep_text else "")


def write_predictions(task: Task, gold: Path, out: Path, settings: Settings) -> int:
    """Analyze the gold file's records and write one prediction line each to `out`; return the count."""
    records = read_gold(gold)
    with out.open("wb") as handle:
        for line in predict(task, records, settings, gold):
            handle.write(orjson.dumps(line) + b"\n")
    return len(records)


def evaluate_task(
    name: str, gold: Path, out: Path, settings: Settings, scorer: Path | None = None
) -> Figures:
    """Write predictions for `gold` to `out` and return the scorer's figures (see `Task.figures`)."""
    task = get_task(name)
    script = find_scorer(gold, task, scorer)
    write_predictions(task, gold, out, settings)
    return task.figures(load_scorer(script), gold, out)


def run_task(
    name: str, gold: Path, out: Path, settings: Settings, scorer: Path | None = None
) -> tuple[int, str]:
    """Write predictions for `gold` to `out`, run the scorer script; return (exit code, its report)."""
    task = get_task(name)
    script = find_scorer(gold, task, scorer)
    write_predictions(task, gold, out, settings)
    proc = subprocess.run(
        [sys.executable, str(script), *task.scorer_args(gold, out)],
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr
