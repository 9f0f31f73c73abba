"""Evaluation: predictions in the formats of `../shared/eval`, scored by its scorers.

Each task is a module here defining `TASK = Task(...)`: how to turn an Analysis of a gold
record into a prediction line, and how to call the task's scorer. `run_task` analyzes the gold
file's texts with the full pipeline, writes the predictions and runs the scorer.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from newsgraph.errors import ConfigError, InputError
from newsgraph.models import Analysis
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle, Rejected


@dataclass(frozen=True, slots=True)
class Task:
    """One evaluation task.

    Attributes:
        name: the task's name on the command line (`ner`, `quotes`, …).
        scorer: the scorer's path relative to the `eval/` folder (`ner/score.py`).
        predict: turns (gold record, its Analysis) into one prediction line (a dict with `id`).
        scorer_args: the scorer's arguments given gold and prediction paths.
        clean: whether to run boilerplate cleaning on the gold text. Off for tasks whose gold
            offsets point into the raw text.
        record_published: the gold record's field holding the publication date, if any.
        source: turns (gold record, gold file path) into the article to analyze, for tasks whose
            input is not the record's `text` (e.g. an HTML page the record points to); None
            reads the record's `text`.
    """

    name: str
    scorer: str
    predict: Callable[[dict[str, Any], Analysis], dict[str, Any]]
    scorer_args: Callable[[Path, Path], list[str]]
    clean: bool = False
    record_published: str | None = None
    components: tuple[str, ...] | None = field(default=None)
    source: Callable[[dict[str, Any], Path], RawArticle | Rejected] | None = None


def tasks() -> dict[str, Task]:
    """Return every task defined in this package, by name."""
    found: dict[str, Task] = {}
    for module in pkgutil.iter_modules(__path__):
        task = getattr(importlib.import_module(f"{__name__}.{module.name}"), "TASK", None)
        if isinstance(task, Task):
            found[task.name] = task
    return found


def find_scorer(gold: Path, task: Task, scorer: Path | None = None) -> Path:
    """Locate the task's scorer: given, else in `eval/` beside the gold file's `data/` folder."""
    if scorer is not None:
        return scorer
    for parent in gold.resolve().parents:
        candidate = parent / "eval" / task.scorer
        if candidate.is_file():
            return candidate
    raise ConfigError(f"cannot find the scorer eval/{task.scorer} above {gold}; pass --scorer")


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
    from newsgraph.extract.pipeline import analyze_stream

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


def run_task(
    name: str, gold: Path, out: Path, settings: Settings, scorer: Path | None = None
) -> tuple[int, str]:
    """Write predictions for `gold` to `out`, run the scorer; return (exit code, its output)."""
    all_tasks = tasks()
    if name not in all_tasks:
        raise ConfigError(f"unknown task {name!r}; choose one of {', '.join(sorted(all_tasks))}")
    task = all_tasks[name]
    script = find_scorer(gold, task, scorer)
    records = read_gold(gold)
    with out.open("wb") as handle:
        for line in predict(task, records, settings, gold):
            handle.write(orjson.dumps(line) + b"\n")
    proc = subprocess.run(
        [sys.executable, str(script), *task.scorer_args(gold, out)],
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr
