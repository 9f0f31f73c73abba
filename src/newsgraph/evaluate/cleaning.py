"""Cleaning: the article body left after boilerplate removal (`eval/extract/score.py`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate.extract import shingle_figures
from newsgraph.evaluate.task import Figures, Task
from newsgraph.models import Analysis


def predict(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """The cleaned text."""
    return {"id": record["id"], "text": analysis.text}


def expected_beside(label: str) -> Callable[[Path, Path], list[str]]:
    """Return the scorer's arguments builder: the clean articles (`expected.jsonl` beside the input).

    With `noise.jsonl` beside them, the scorer also reports the share of noise lines removed
    and of article lines kept.
    """

    def scorer_args(gold: Path, pred: Path) -> list[str]:
        expected = gold.with_name("expected.jsonl")
        args = ["--gold", str(expected), "--pred", str(pred), "--label", label]
        noise = gold.with_name("noise.jsonl")
        return [*args, "--noise", str(noise)] if noise.is_file() else args

    return scorer_args


def figures(scorer: ModuleType, gold: Path, pred: Path) -> Figures:
    """The cleaned texts scored against the clean articles (`LABEL: F1=… P=… R=…`)."""
    return shingle_figures(scorer, gold.with_name("expected.jsonl"), pred)


def noisy_text_task(name: str, label: str) -> Task:
    """Return the task that cleans each noisy input text and scores it against `expected.jsonl` beside it."""
    return Task(
        name=name,
        scorer="extract/score.py",
        predict=predict,
        figures=figures,
        scorer_args=expected_beside(label),
        clean=True,
        components=(),
    )


TASK = noisy_text_task("cleaning", "extract_text")
