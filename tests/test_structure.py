"""The shape of the code base: module and function sizes, SQL only in the store, tests apart.

The import direction itself is import-linter's (`[tool.importlinter]` in pyproject.toml, run by
`make test`); these are the rules of docs/architecture.md it cannot check.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.paths import ROOT

SRC = ROOT / "src" / "newsgraph"
TESTS = ROOT / "tests"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80

OVERSIZE: dict[str, str] = {}
"""Known offenders, each with who fixes it. An entry that is no longer over the limit fails the
test below: remove it then."""

SQLALCHEMY_OUTSIDE_STORE = {"Engine", "Connection"}
"""What code outside `store/` may import from SQLAlchemy: the types it passes along, no SQL."""


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if not name.startswith("store/migrations/"):
            yield name, path


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _oversize() -> dict[str, int]:
    """Every module over MAX_MODULE_LINES and function over MAX_FUNCTION_LINES: key → lines."""
    found: dict[str, int] = {}
    for name, path in _modules():
        source = path.read_text(encoding="utf-8")
        lines = source.count("\n")
        if lines > MAX_MODULE_LINES:
            found[name] = lines
        for node in _functions(ast.parse(source)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found[f"{name}:{node.name}"] = length
    return found


def test_structure_modules_and_functions_within_limits() -> None:
    found = _oversize()
    new = {key: lines for key, lines in found.items() if key not in OVERSIZE}
    assert not new, f"over {MAX_MODULE_LINES} lines a module or {MAX_FUNCTION_LINES} a function: {new}"
    fixed = sorted(set(OVERSIZE) - set(found))
    assert not fixed, f"within the limits now, remove from OVERSIZE: {fixed}"


def test_structure_size_check_finds_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    tree = ast.parse(f"def long() -> None:\n{body}\n\ndef short() -> None:\n    pass\n")
    lengths = {n.name: (n.end_lineno or 0) - n.lineno + 1 for n in _functions(tree)}
    assert lengths == {"long": MAX_FUNCTION_LINES + 1, "short": 2}


def _imports(path: Path) -> Iterator[tuple[str, list[str]]]:
    """Yield (module, imported names) for every import statement of a file, at any depth."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, [alias.name for alias in node.names]


def test_structure_sql_only_in_store() -> None:
    offenders = []
    for name, path in _modules():
        if name.startswith("store/"):
            continue
        for module, names in _imports(path):
            if module.split(".")[0] != "sqlalchemy":
                continue
            extra = set(names) - SQLALCHEMY_OUTSIDE_STORE if module == "sqlalchemy" else {module}
            if extra or not names:
                offenders.append(f"{name}: {module} {sorted(extra)}")
    assert not offenders, "SQL belongs in newsgraph.store (a query function there): " + "; ".join(offenders)


def _test_module(module: str) -> bool:
    parts = module.split(".")
    return parts[0] == "tests" and parts[-1].startswith("test_")


@pytest.mark.parametrize(
    ("module", "expected"),
    [("tests.test_app", True), ("tests.store.test_writer", True), ("tests.support.store", False)],
)
def test_structure_test_module_names(module: str, expected: bool) -> None:
    assert _test_module(module) is expected


def test_structure_no_test_module_imports_another() -> None:
    offenders = []
    for path in sorted(TESTS.rglob("*.py")):
        for module, names in _imports(path):
            targets = [module] + [f"{module}.{n}" for n in names]
            if any(_test_module(t) for t in targets):
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert not offenders, "helpers go in tests/support/, fixtures in conftest.py: " + "; ".join(offenders)


def test_structure_tests_mirror_src() -> None:
    """Every test package names a package of src/newsgraph (tests/support aside)."""
    stray = [
        d.relative_to(TESTS).as_posix()
        for d in sorted(TESTS.rglob("*"))
        if d.is_dir()
        and d.name != "__pycache__"
        and d.relative_to(TESTS).parts[0] != "support"
        and not (SRC / d.relative_to(TESTS)).is_dir()
    ]
    assert not stray, f"test folders without a src/newsgraph package of the same path: {stray}"
