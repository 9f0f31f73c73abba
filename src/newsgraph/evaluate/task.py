"""What an evaluation task is: how to predict from an Analysis, and how its scorer is called."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.models import Analysis
from newsgraph.sources.base import RawArticle, Rejected

Figures = dict[str, float]
"""A scorer's summary figures by the names of its last line (`{"F1": 0.87, "PER": 0.92, …}`)."""


def gold_pred_args(gold: Path, pred: Path) -> list[str]:
    """The usual scorer command line: `--gold GOLD --pred PRED`."""
    return ["--gold", str(gold), "--pred", str(pred)]


@dataclass(frozen=True, slots=True)
class Task:
    """One evaluation task.

    Attributes:
        name: the task's name on the command line (`ner`, `quotes`, …).
        scorer: the scorer's path relative to the `eval/` folder (`ner/score.py`).
        predict: turns (gold record, its Analysis) into one prediction line (a dict with `id`).
        figures: calls the scorer's functions (the scorer module, gold path, predictions path) and
            returns its summary figures, named as on the scorer's last line.
        scorer_args: the scorer's command-line arguments given gold and prediction paths (for
            `newsgraph evaluate`, which prints the scorer's whole report).
        clean: whether to run boilerplate cleaning on the gold text. Off for tasks whose gold
            offsets point into the raw text.
        record_published: the gold record's field holding the publication date, if any.
        components: the components to run (None: the default pipeline).
        source: turns (gold record, gold file path) into the article to analyze, for tasks whose
            input is not the record's `text` (e.g. an HTML page the record points to); None
            reads the record's `text`.
    """

    name: str
    scorer: str
    predict: Callable[[dict[str, Any], Analysis], dict[str, Any]]
    figures: Callable[[ModuleType, Path, Path], Figures]
    scorer_args: Callable[[Path, Path], list[str]] = gold_pred_args
    clean: bool = False
    record_published: str | None = None
    components: tuple[str, ...] | None = None
    source: Callable[[dict[str, Any], Path], RawArticle | Rejected] | None = None
