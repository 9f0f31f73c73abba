"""`newsgraph.ingest`: counts, rejected inputs, duplicates, and skipping stored inputs before analysis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from spacy.language import Language

from newsgraph.ingest import count_inputs, ingest, predicted_hash
from newsgraph.models import Analysis
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle
from newsgraph.sources.read import read_paths
from tests.support.store import BACKENDS, count, new_database

ARTICLES = [
    "The city council of Springfield approved a new budget on Monday after a six-hour debate, "
    "officials said. “This budget protects every school,” Mayor Lena Ortiz told reporters.",
    "Heavy rain flooded parts of Port Elly on Sunday and 300 residents were moved to shelters, "
    "the regional fire service said in a statement.",
]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh, empty database, once per back end."""
    yield from new_database(request.param, tmp_path)


def _corpus(folder: Path) -> list[Path]:
    (folder / "in").mkdir()
    (folder / "in" / "one.txt").write_text(ARTICLES[0])
    (folder / "in" / "copy.txt").write_text(ARTICLES[0])
    (folder / "in" / "notes.md").write_text("not an input")
    (folder / "in" / "empty.txt").write_text("   \n")
    lines = [{"id": "flood", "text": ARTICLES[1], "url": "https://example.org/flood"}, "not json"]
    (folder / "feed.jsonl").write_bytes(
        b"\n".join(orjson.dumps(x) if isinstance(x, dict) else x.encode() for x in lines) + b"\n"
    )
    return [folder / "in", folder / "*.jsonl", folder / "missing.txt"]


def test_store_ingest_counts_and_reasons(
    store_url: str, tmp_path: Path, settings: Settings, nlp: Language
) -> None:
    paths = _corpus(tmp_path)
    assert count_inputs(paths) == 6  # three .txt files, two JSONL lines, the missing file
    run_settings = settings.model_copy(update={"db": store_url})
    report = ingest(paths, run_settings, workers=1, commit_every=2)
    assert (report.stored, report.duplicates, len(report.rejected)) == (2, 1, 3)
    reasons = report.reasons()
    assert reasons["no such file or directory"] == 1
    assert any("invalid JSON" in r for r in reasons)
    assert count(store_url, "articles") == 2

    seen: list[str] = []
    again = ingest(paths, run_settings, workers=1, on_progress=lambda r: seen.append(str(r.read)))
    assert (again.stored, again.duplicates, len(again.rejected)) == (0, 3, 3)
    assert seen[-1] == "6"
    assert count(store_url, "articles") == 2


def test_store_ingest_predicts_the_pipeline_hash(settings: Settings, nlp: Language, tmp_path: Path) -> None:
    from newsgraph.extract.pipeline import analyze_stream

    _corpus(tmp_path)
    raws = [r for r in read_paths([tmp_path / "in", tmp_path / "feed.jsonl"]) if isinstance(r, RawArticle)]
    analyses = list(analyze_stream(raws, settings=settings))
    assert len(raws) == 3 and all(isinstance(a, Analysis) for a in analyses)
    assert [predicted_hash(r, settings) for r in raws] == [
        a.hash for a in analyses if isinstance(a, Analysis)
    ]
