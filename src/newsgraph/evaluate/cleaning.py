"""Cleaning: the article body left after boilerplate removal (`eval/extract/score.py`)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluate.extract import shingle_figures
from newsgraph.evaluate.task import Figures, Task
from newsgraph.models import Analysis


def predict(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """The cleaned text."""
    return {"id": record["id"], "text": analysis.text}


def scorer_args(gold: Path, pred: Path) -> list[str]:
    """The scorer's arguments: the clean articles (`expected.jsonl` beside the noisy input).

    With `noise.jsonl` beside them, the scorer also reports the share of noise lines removed
    and of article lines kept.
    """
    expected = gold.with_name("expected.jsonl")
    args = ["--gold", str(expected), "--pred", str(pred), "--label", "extract_text"]
    noise = gold.with_name("noise.jsonl")
    return [*args, "--noise", str(noise)] if noise.is_file() else args


def figures(scorer: ModuleType, gold: Path, pred: Path) -> Figures:
    """The cleaned texts scored against the clean articles (`extract_text: F1=… P=… R=…`)."""
    return shingle_figures(scorer, gold.with_name("expected.jsonl"), pred)


TASK = Task(
    name="cleaning",
    scorer="extract/score.py",
    predict=predict,
    figures=figures,
    scorer_args=scorer_args,
    clean=True,
    components=(),
)
