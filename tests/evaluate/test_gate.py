"""The evaluation gate: every task's dev-set figures stay at or above the floors in eval_floors.json.

The figures come from the scorers of ../shared/eval called as functions (`evaluate_task`), named
as on each scorer's last line. The gates skip cleanly when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from newsgraph.evaluate import TASKS, evaluate_task, read_gold
from newsgraph.settings import Settings
from tests.support.paths import ROOT

FLOORS_FILE = ROOT / "tests" / "eval_floors.json"
GATES: list[dict[str, Any]] = orjson.loads(FLOORS_FILE.read_bytes())["gates"]


def _gate_id(gate: dict[str, Any]) -> str:
    return f"{gate['task']}-{Path(gate['gold']).stem}"


def test_eval_gate_floors_name_tasks_and_figures_that_exist() -> None:
    assert len({_gate_id(g) for g in GATES}) == len(GATES)
    assert {g["task"] for g in GATES} == set(TASKS), "every task has a gate"
    for gate in GATES:
        assert gate["task"] in TASKS
        assert gate["floors"] and all(0 < floor <= 1 for floor in gate["floors"].values())


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("gate", GATES, ids=_gate_id)
def test_eval_gate(gate: dict[str, Any], shared: Path, settings: Settings, tmp_path: Path) -> None:
    gold = shared / gate["gold"]
    pred = tmp_path / "pred.jsonl"
    figures = evaluate_task(gate["task"], gold, pred, settings)
    assert len(pred.read_bytes().splitlines()) == len(read_gold(gold)), "one prediction per gold record"
    assert set(gate["floors"]) <= set(figures), f"figures of {gate['task']}: {sorted(figures)}"
    below = {name: round(figures[name], 4) for name, floor in gate["floors"].items() if figures[name] < floor}
    shown = {name: round(value, 4) for name, value in figures.items()}
    assert below == {}, f"{_gate_id(gate)} below its floors {gate['floors']}: {shown}"
