"""Crashes and restarts: an ingest killed with SIGKILL at random points (several seeds, two kills
each) and run again gives the same database as one clean run, on SQLite and PostgreSQL; a
PostgreSQL server restarted mid-ingest is retried with backoff, nothing lost or duplicated; a
full disk gives a clear error and an intact database that the next run completes.

`tests/cli/test_ingest.py` kills the CLI once per back end at a fixed point; here the ingest runs
in a forked child of the test process (the pipeline is already loaded, so a kill costs no model
load), killed after a seeded random number of stored articles plus a seeded random delay, so
kills land between and inside transactions, with seeded transaction sizes.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from newsgraph.errors import StoreFull
from newsgraph.ingest import ingest
from newsgraph.settings import Settings
from newsgraph.store.db import make_engine, open_store
from newsgraph.store.retry import is_disk_full, is_transient, with_retry
from tests.support.ingest import free_port, start_ingest, write_corpus
from tests.support.store import BACKENDS, count, dump, new_database

SEEDS = [0, 1, 2]
DOWNTIME = 3.0
"""Seconds the private PostgreSQL server stays down during its restart."""


@pytest.fixture(scope="module")
def run_settings(settings: Settings) -> Settings:
    """The session's pipeline, in small batches."""
    return settings.model_copy(update={"batch_size": 4})


def _kill_when(process: mp.Process, url: str, stored: int, delay: float, timeout: float = 240) -> int:
    """SIGKILL the child once `stored` articles are in the store and `delay` more seconds passed."""
    deadline = time.monotonic() + timeout
    while count(url, "articles") < stored and process.is_alive() and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(delay)
    assert process.is_alive(), "the ingest finished before it could be killed"
    assert process.pid is not None
    os.kill(process.pid, signal.SIGKILL)
    process.join(30)
    return count(url, "articles")


@pytest.mark.parametrize("backend", BACKENDS)
def test_crash_resume_killed_at_random_points_equals_a_clean_run(
    backend: str, tmp_path: Path, run_settings: Settings
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    distinct = write_corpus(corpus, 40)
    (tmp_path / "clean").mkdir()
    kills = 0
    for clean in new_database(backend, tmp_path / "clean"):
        report = ingest([corpus], run_settings.model_copy(update={"db": clean}), workers=1)
        assert (report.stored, report.duplicates, len(report.rejected)) == (distinct, 1, 1)
        reference = dump(clean)
        assert reference["stories"] and reference["story_links"]  # resumed runs must rebuild these too
    for seed in SEEDS:
        rng = random.Random(seed)
        folder = tmp_path / f"seed{seed}"
        folder.mkdir()
        for url in new_database(backend, folder):
            open_store(url).dispose()
            at = 0
            for _ in range(2):  # killed twice, at growing random points, then resumed to the end
                commit_every = rng.choice([1, 2, 3, 5])
                target = min(distinct - 6, at + rng.randint(1, 12))
                process = start_ingest(url, corpus, run_settings, commit_every)
                at = _kill_when(process, url, target, rng.uniform(0, 0.08))
                assert 0 < at < distinct, (seed, at)
                kills += 1
            resumed = ingest([corpus], run_settings.model_copy(update={"db": url}), workers=1)
            assert resumed.stored == distinct - at, (seed, at)
            assert dump(url) == reference, f"seed {seed}: resumed database differs from a clean run"
    assert kills == 2 * len(SEEDS)


# -- PostgreSQL restarted mid-ingest -------------------------------------------------------------


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


@contextlib.contextmanager
def private_postgres() -> Iterator[tuple[str, list[str], str]]:
    """Start a throwaway PostgreSQL cluster of this test's own; yield (URL, pg_ctl prefix, options).

    The shared test server is never restarted: other tests may be using it. Skips unless the
    server binaries are installed and this runs as root (the cluster runs as `postgres`).
    """
    bindir = _pg_bin()
    if bindir is None or os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs PostgreSQL's server binaries and root (to run a private cluster as postgres)")
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-pg-restart-"))
    data = folder / "data"
    shutil.chown(folder, "postgres", "postgres")
    as_pg = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    ctl = [*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-t", "60"]
    try:
        subprocess.run(
            [*as_pg, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"],
            check=True,
            capture_output=True,
        )
        subprocess.run([*ctl, "start", "-o", options], check=True, capture_output=True)
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"cannot start a private PostgreSQL: {exc.stderr.decode(errors='replace')[-300:]}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", ctl, options
    finally:
        subprocess.run([*ctl, "stop", "-m", "immediate"], check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.postgres
def test_crash_resume_postgres_restarted_mid_ingest_loses_and_duplicates_nothing(
    tmp_path: Path, run_settings: Settings
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    distinct = write_corpus(corpus, 60)
    with private_postgres() as (base, ctl, options):
        admin = make_engine(base)
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("CREATE DATABASE clean")
            conn.exec_driver_sql("CREATE DATABASE live")
        admin.dispose()
        clean, live = base.rsplit("/", 1)[0] + "/clean", base.rsplit("/", 1)[0] + "/live"
        ingest([corpus], run_settings.model_copy(update={"db": clean}), workers=1)
        reference = dump(clean)

        open_store(live).dispose()
        log = tmp_path / "ingest.log"
        process = start_ingest(live, corpus, run_settings, 1, str(log))
        deadline = time.monotonic() + 240
        while count(live, "articles") < 5 and process.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        before = count(live, "articles")
        # a restart with a few seconds of downtime, so the ingest surely meets it: its
        # connection is cut, and the next commits find no server until it is back
        stopped = subprocess.run([*ctl, "stop", "-m", "fast"], check=False, capture_output=True)
        assert stopped.returncode == 0, stopped.stderr
        time.sleep(DOWNTIME)
        started = subprocess.run([*ctl, "start", "-o", options], check=False, capture_output=True)
        assert started.returncode == 0, started.stderr
        process.join(300)
        logged = log.read_text() if log.exists() else ""
        assert process.exitcode == 0, logged
        assert 0 < before < distinct, "the restart did not happen during the ingest"
        assert "retry 1 of" in logged, "the ingest never had to retry"
        assert dump(live) == reference


# -- full disk -----------------------------------------------------------------------------------


@contextlib.contextmanager
def small_tmpfs(size: str) -> Iterator[Path]:
    """Mount a tmpfs of `size` (root only); skip when mounting is not permitted."""
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-full-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def _integrity(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_crash_resume_full_disk_gives_a_clear_error_and_an_intact_database(
    tmp_path: Path, run_settings: Settings
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    distinct = write_corpus(corpus, 40, pad=12)
    reference_url = f"sqlite:///{tmp_path / 'clean.db'}"
    ingest([corpus], run_settings.model_copy(update={"db": reference_url}), workers=1)
    reference = dump(reference_url)
    with small_tmpfs("900k") as disk:
        db = disk / "store.db"
        url = f"sqlite:///{db}"
        open_store(url).dispose()
        with pytest.raises(StoreFull) as failure:
            ingest([corpus], run_settings.model_copy(update={"db": url}), workers=1, commit_every=4)
        message = str(failure.value)
        assert "disk is full" in message and "intact" in message and "run the same command again" in message
        assert _integrity(db) == "ok"
        stored = count(url, "articles")
        assert 0 < stored < distinct
        assert stored % 4 == 0  # whole transactions only
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True, capture_output=True)
        resumed = ingest([corpus], run_settings.model_copy(update={"db": url}), workers=1)
        assert resumed.stored == distinct - stored
        assert _integrity(db) == "ok"
        assert dump(url) == reference


def test_crash_resume_size_limit_is_a_full_disk_too(tmp_path: Path, run_settings: Settings) -> None:
    """Without root: SQLite's `max_page_count` limit fails a write the way a full disk does."""
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 30, pad=12)
    url = f"sqlite:///{tmp_path / 'limited.db'}"
    open_store(url).dispose()
    engine: Engine = make_engine(url)
    pages = (tmp_path / "limited.db").stat().st_size // 4096 + 60

    @event.listens_for(engine, "connect")
    def _limit(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    with pytest.raises(StoreFull, match="disk is full"):
        ingest(
            [corpus], run_settings.model_copy(update={"db": url}), engine=engine, workers=1, commit_every=3
        )
    engine.dispose()
    assert _integrity(tmp_path / "limited.db") == "ok"
    assert count(url, "articles") % 3 == 0


def test_crash_resume_retry_classifies_errors() -> None:
    """Transient errors are retried with backoff; a full disk and other errors are not."""
    from sqlalchemy.exc import OperationalError

    lost = OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"))
    locked = OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    full = OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
    assert is_transient(lost) and is_transient(locked)
    assert not is_transient(full) and is_disk_full(full)
    assert not is_transient(ValueError("bad data"))

    calls: list[int] = []
    waits: list[float] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise lost
        return "stored"

    assert with_retry(flaky, sleep=waits.append) == "stored"
    assert len(calls) == 3 and len(waits) == 2 and waits[1] > waits[0] * 1.1

    def always_full() -> None:
        raise full

    with pytest.raises(StoreFull):
        with_retry(always_full, sleep=waits.append)
    with pytest.raises(ValueError, match="bad data"):
        with_retry(lambda: (_ for _ in ()).throw(ValueError("bad data")), sleep=waits.append)
