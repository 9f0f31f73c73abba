"""The registries list everything that exists: components, CLI commands, evaluation tasks.

Each is a list in one file (no `pkgutil` discovery), so a new module that is not listed there is
caught here rather than silently left out.
"""

from __future__ import annotations

import importlib
import pkgutil
import tomllib
from types import ModuleType

import newsgraph.cli
import newsgraph.evaluate
import newsgraph.extract.components
from newsgraph.cli import COMMANDS
from newsgraph.evaluate import TASKS
from newsgraph.extract.components import FACTORIES
from newsgraph.settings import DEFAULT_COMPONENTS
from tests.support.paths import ROOT


def _public_modules(package: ModuleType) -> set[str]:
    return {m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")}


def _top_module(qualified: str, package: ModuleType) -> str:
    return qualified.removeprefix(package.__name__ + ".").split(".")[0]


def test_registries_every_component_module_is_listed() -> None:
    listed = {_top_module(f.__module__, newsgraph.extract.components) for f in FACTORIES.values()}
    assert listed == _public_modules(newsgraph.extract.components)


def test_registries_component_order_is_the_default_pipeline() -> None:
    assert next(iter(FACTORIES)) == "newsgraph_paragraphs"
    assert tuple(FACTORIES)[1:] == DEFAULT_COMPONENTS


def test_registries_components_are_spacy_entry_points() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    points = project["entry-points"]["spacy_factories"]
    assert points == {name: f"{f.__module__}:{f.__name__}" for name, f in FACTORIES.items()}


def test_registries_every_cli_command_module_is_listed() -> None:
    listed = {_top_module(m.__name__, newsgraph.cli) for m in COMMANDS}
    assert listed == _public_modules(newsgraph.cli)
    assert all(callable(getattr(m, "register", None)) for m in COMMANDS)
    app = newsgraph.cli.app
    names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    assert len(names) == len(set(names)) == len(COMMANDS)


def test_registries_every_evaluation_module_is_a_listed_task() -> None:
    modules = _public_modules(newsgraph.evaluate) - {"task"}
    tasks = {
        name: getattr(importlib.import_module(f"newsgraph.evaluate.{name}"), "TASK", None) for name in modules
    }
    assert all(task in TASKS.values() for task in tasks.values()), tasks
    assert len(tasks) == len(TASKS)
    assert all(name == task.name for name, task in TASKS.items())
