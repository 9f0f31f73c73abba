"""`newsgraph ingest`, `search` and `export` end to end, including kill-and-resume, on both back ends."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store.db import open_store
from newsgraph.store.writer import store_analyses
from tests.support.store import BACKENDS, count, doha_analyses, dump, new_database

COMPONENTS = '["newsgraph_entities", "newsgraph_quotes"]'
PEOPLE = ["Amina Yusuf", "Daniel Okafor", "Mariam Haddad", "Tomas Lindqvist", "Priya Raman"]
PLACES = ["Nairobi", "Lagos", "Amman", "Oslo", "Chennai", "Lima", "Hanoi", "Quito"]
TOPICS = ["water rationing", "a bus fare rise", "the new curfew", "flood defences", "school closures"]


def write_corpus(folder: Path) -> tuple[Path, int]:
    """Write a JSONL corpus of short articles, with duplicates; return it and its distinct count."""
    records = []
    for n in range(36):
        person, place, topic = PEOPLE[n % 5], PLACES[n % 8], TOPICS[n % 5]
        text = (
            f"{person}, the mayor of {place}, defended {topic} on day {n} of the crisis. "
            f"“We had no other choice,” {person.split()[-1]} told reporters in {place} on Tuesday. "
            f"Residents said {n + 3} neighbourhoods were affected and {2 * n + 10} families had complained."
        )
        records.append(
            {"id": f"a{n}", "text": text, "published": f"2024-03-{n % 28 + 1:02d}", "source": "Daily Test"}
        )
    records.append({**records[5], "id": "a5-mirror", "url": "https://mirror.example.org/a5"})  # exact copy
    records.append(
        {**records[7], "id": "a7-update", "text": records[7]["text"] + " Talks continue on Friday."}
    )
    records.append({"id": "broken", "text": "   "})  # rejected: empty
    path = folder / "corpus.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path, 37


def _env(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    env.update({"NEWSGRAPH_DB": url, "NEWSGRAPH_COMPONENTS": COMPONENTS, "NEWSGRAPH_BATCH_SIZE": "4"})
    return env


def _command(*args: str) -> list[str]:
    return [sys.executable, "-c", "from newsgraph.cli import main; main()", *args]


def _ingest(url: str, corpus: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        _command("ingest", str(corpus), "--workers", "1", *extra),
        env=_env(url),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


@contextlib.contextmanager
def _database(backend: str, folder: Path) -> Iterator[str]:
    folder.mkdir()
    yield from new_database(backend, folder)


@pytest.mark.parametrize("backend", BACKENDS)
def test_cli_ingest_killed_and_resumed_equals_a_clean_run(backend: str, tmp_path: Path) -> None:
    corpus, distinct = write_corpus(tmp_path)
    with _database(backend, tmp_path / "clean") as clean, _database(backend, tmp_path / "killed") as killed:
        first = _ingest(clean, corpus)
        assert f"{distinct} stored, 1 duplicates, 1 skipped" in " ".join(first.stdout.split())
        reference = dump(clean)
        assert len(reference["articles"]) == distinct
        assert reference["stories"]  # the mayors' reports of one day's crisis, and the update of a7

        open_store(killed).dispose()  # create the schema, so progress can be watched
        proc = subprocess.Popen(
            _command("ingest", str(corpus), "--workers", "1", "--commit-every", "1"),
            env=_env(killed),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 300
        while count(killed, "articles") < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, "the ingest ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        at_kill = count(killed, "articles")
        assert 0 < at_kill < distinct

        resumed = _ingest(killed, corpus)
        assert f"{distinct - at_kill} stored" in " ".join(resumed.stdout.split())
        assert dump(killed) == reference

        again = _ingest(killed, corpus)
        assert f"0 stored, {distinct + 1} duplicates, 1 skipped" in " ".join(again.stdout.split())
        assert dump(killed) == reference


@pytest.fixture(params=BACKENDS)
def doha_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store with the two hand-made Doha articles."""
    for url in new_database(request.param, tmp_path):
        engine = open_store(url)
        store_analyses(engine, doha_analyses())
        engine.dispose()
        yield url


def test_cli_search_quotes_with_snippets(doha_url: str) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["search", "settlement", "--quotes", "--db", doha_url])
    assert result.exit_code == 0, result.output
    assert "We want a political settlement" in result.output
    assert "Haibatullah Akhundzada" in result.output
    by_speaker = runner.invoke(app, ["search", "--speaker", "Akhundzada", "--json", "--db", doha_url])
    assert by_speaker.exit_code == 0, by_speaker.output
    payload = orjson.loads(by_speaker.stdout)
    assert [h["speaker_name"] for h in payload["items"]] == ["Haibatullah Akhundzada"] * 2
    assert payload["next_cursor"] is None
    articles = runner.invoke(app, ["search", "talks", "--since", "2021-07-19", "--json", "--db", doha_url])
    assert [h["title"] for h in orjson.loads(articles.stdout)["items"]] == ["Doha talks end"]


def test_cli_search_reports_bad_input(doha_url: str) -> None:
    result = CliRunner().invoke(app, ["search", "--db", doha_url])
    assert result.exit_code != 0
    assert "give a QUERY" in str(result.exception)


def test_cli_export_writes_files(doha_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "quotes.parquet"
    result = runner.invoke(
        app, ["export", "quotes", "--format", "parquet", "--out", str(out), "--db", doha_url]
    )
    assert result.exit_code == 0, result.output
    import pyarrow.parquet as pq

    assert pq.read_table(out).column("speaker_name").to_pylist() == ["Haibatullah Akhundzada"] * 2
    jsonl = runner.invoke(app, ["export", "entities", "--db", doha_url])
    names = [orjson.loads(line)["name"] for line in io.StringIO(jsonl.stdout) if line.startswith("{")]
    assert "Haibatullah Akhundzada" in names
