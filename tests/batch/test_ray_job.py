"""The Ray engine on a local 2-CPU Ray cluster: same analyses as the local engine and `analyze`,
and every article exactly once even when an analyzer worker is killed mid-run."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import orjson
import pyarrow.dataset as pads
import pytest
from typer.testing import CliRunner

from newsgraph.batch.job import RunSummary, run_local
from newsgraph.cli import app
from newsgraph.settings import Settings

pytestmark = [
    pytest.mark.ray,
    pytest.mark.shared,
    # Ray Data's own internals emit DeprecationWarnings about its settings (not ours)
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    # Ray Data leaves its own per-dataset log file open; when the garbage collector happens to close it
    # during a test, Python reports an unraisable ResourceWarning that is Ray's, not ours
    pytest.mark.filterwarnings(
        "ignore:Exception ignored in. <_io.FileIO name='[^']*/logs/ray-data/"
        ":pytest.PytestUnraisableExceptionWarning"
    ),
]

ANALYZER_TITLE = b"MapBatches(Analyzer)"


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    """A local Ray instance with 2 CPUs, no dashboard, no usage stats, no OOM killer.

    The memory monitor is off because the test machine is shared: another user's memory use
    must not make Ray kill the workers of this test.
    """
    ray = pytest.importorskip("ray")
    saved = {k: os.environ.get(k) for k in ("RAY_USAGE_STATS_ENABLED", "RAY_memory_monitor_refresh_ms")}
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    os.environ["RAY_memory_monitor_refresh_ms"] = "0"  # noqa: SIM112  (Ray spells it so)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def short_corpus(shared: Path, target: Path, count: int) -> list[str]:
    """Write the `count` shortest articles of the shared corpus (in corpus order); return their ids."""
    lines = (shared / "data" / "corpus" / "news.jsonl").read_bytes().splitlines()
    records = [orjson.loads(line) for line in lines if line.strip()]
    shortest = sorted(range(len(records)), key=lambda i: len(records[i].get("text") or ""))[:count]
    chosen = [records[i] for i in sorted(shortest)]
    target.write_bytes(b"\n".join(orjson.dumps(r) for r in chosen) + b"\n")
    return [str(r["id"]) for r in chosen]


def analyses_by_id(out: Path) -> dict[str, str]:
    """Read an output's analyses dataset as {id: Analysis JSON}; fail on a repeated id."""
    table = pads.dataset(out / "analyses", format="parquet", partitioning="hive").to_table(
        ["doc_id", "analysis"]
    )
    ids = table.column("doc_id").to_pylist()
    repeated = [i for i, n in Counter(ids).items() if n > 1]
    assert not repeated, f"ids written more than once: {repeated[:5]}"
    return dict(zip(ids, table.column("analysis").to_pylist(), strict=True))


def test_batch_ray_equals_local_engine_and_analyze(
    ray_cluster: None, shared: Path, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.batch.ray_job import run_ray

    corpus = tmp_path / "short.jsonl"
    ids = short_corpus(shared, corpus, 200)

    summary = run_ray([str(corpus)], str(tmp_path / "ray"), settings, workers=2)
    assert (summary.engine, summary.workers, summary.analyzed, summary.failed) == ("ray", 2, 200, 0)
    local = run_local([str(corpus)], str(tmp_path / "local"), settings, workers=1)
    assert local.rows == summary.rows

    monkeypatch.setenv("NEWSGRAPH_COMPONENTS", orjson.dumps(list(settings.components)).decode())
    jsonl = tmp_path / "analyze.jsonl"
    result = CliRunner().invoke(app, ["analyze", "--jsonl", str(corpus), "--out", str(jsonl)])
    assert result.exit_code == 0, result.output
    analyzed = {orjson.loads(line)["id"]: line.decode() for line in jsonl.read_bytes().splitlines()}

    on_ray = analyses_by_id(tmp_path / "ray")
    assert sorted(on_ray) == sorted(ids)
    assert on_ray == analyses_by_id(tmp_path / "local")
    assert on_ray == analyzed
    for name, count in summary.rows.items():
        assert pads.dataset(tmp_path / "ray" / name, format="parquet").count_rows() == count, name


def _analyzer_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if ANALYZER_TITLE in (entry / "cmdline").read_bytes():
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def test_batch_ray_survives_a_killed_worker(
    ray_cluster: None, shared: Path, tmp_path: Path, settings: Settings
) -> None:
    from newsgraph.batch.ray_job import run_ray

    corpus = tmp_path / "short.jsonl"
    ids = short_corpus(shared, corpus, 60)
    out = tmp_path / "out"
    small = settings.model_copy(update={"batch_size": 4})
    outcome: dict[str, RunSummary | BaseException] = {}

    def run() -> None:
        try:
            outcome["summary"] = run_ray([str(corpus)], str(out), small, workers=2, rows_per_part=8)
        except BaseException as exc:  # handed to the test thread
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    killed = None
    deadline = time.monotonic() + 240
    while thread.is_alive() and killed is None and time.monotonic() < deadline:
        parts = list((out / "analyses").glob("part-*.parquet")) if (out / "analyses").is_dir() else []
        pids = _analyzer_pids()
        if parts and pids:  # mid-run: some articles written, analyzers at work
            killed = pids[0]
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.2)
    thread.join(timeout=600)
    assert "error" not in outcome, outcome.get("error")
    assert killed is not None, "the run ended before a worker could be killed"
    summary = outcome["summary"]
    assert isinstance(summary, RunSummary)
    assert summary.analyzed == len(ids)
    assert sorted(analyses_by_id(out)) == sorted(ids)
