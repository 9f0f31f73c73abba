"""The command line starts without importing the heavy libraries its commands use later."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "pyarrow", "datasketch", "scipy", "spacy", "trafilatura", "numpy")


def _imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return {name.split(".")[0] for name in out.stdout.split()}


def test_cli_imports_no_store_batch_or_model_library() -> None:
    loaded = _imported_after("import newsgraph.cli")
    assert "typer" in loaded
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_cli_imports_store_dedup_without_datasketch() -> None:
    loaded = _imported_after("import newsgraph.store.dedup")
    assert "datasketch" not in loaded
    assert "scipy" not in loaded


def test_cli_imports_constants_match_the_library() -> None:
    from newsgraph.cli import batch as batch_cli
    from newsgraph.cli import export as export_cli

    pytest.importorskip("pyarrow")
    from newsgraph.batch.job import DEFAULT_ROWS_PER_PART
    from newsgraph.store.export import FORMATS, KINDS

    assert export_cli.KINDS == KINDS
    assert export_cli.FORMATS == FORMATS
    assert batch_cli.DEFAULT_ROWS_PER_PART == DEFAULT_ROWS_PER_PART


def test_cli_imports_dedup_signatures_still_computed() -> None:
    from newsgraph.store.dedup import MinHasher, similarity

    hasher = MinHasher()
    text = "The harbour workers walked out on Monday after talks on pay broke down in the port city."
    a = hasher.signature(text)
    b = hasher.signature(text + " Officials said talks would resume.")
    assert len(a.values) == hasher.num_perm
    assert len(a.bands) == hasher.bands
    assert 0.5 < similarity(a.values, b.values) < 1.0
    assert a.bands == hasher.signature(text).bands
