"""The command line: analyze (report, JSON, corpus), schema, evaluate, error handling."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app, main
from newsgraph.settings import Settings
from tests.support.paths import SAMPLES


@pytest.fixture
def runner(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CLI runner whose Settings use the same components as the test session's pipeline."""
    monkeypatch.setenv("NEWSGRAPH_COMPONENTS", orjson.dumps(list(settings.components)).decode())
    return CliRunner()


def test_cli_analyze_json_is_a_valid_analysis(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["analyze", str(SAMPLES / "council-vote.txt"), "--json", "--published", "2024-05-17"]
    )
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.stdout)
    assert data["schema"] == "newsgraph.analysis/1"
    assert data["published"] == "2024-05-17"
    assert data["id"] == "council-vote"
    assert "Read more" not in data["text"]
    assert data["text"].startswith("Springfield city council votes")


def test_cli_analyze_report_shows_sections(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLES / "harbor-strike.txt")])
    assert result.exit_code == 0, result.output
    assert "Text" in result.stdout
    assert "ROTTERDAM" in result.stdout
    assert "Entities" in result.stdout


def test_cli_analyze_reads_stdin(runner: CliRunner) -> None:
    text = "The minister of health, Ana Costa, said on Monday that hospitals in Porto were full.\n"
    result = runner.invoke(app, ["analyze", "-", "--json"], input=text)
    assert result.exit_code == 0, result.output
    assert orjson.loads(result.stdout)["text"] == text.strip()


def test_cli_analyze_corpus_skips_bad_lines_and_keeps_order(runner: CliRunner, tmp_path: Path) -> None:
    good = (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        "\n".join(
            [good[0], "{not json", '{"id": "no-text"}', good[1], '{"id": "blank", "text": "  "}', good[2]]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["analyze", "--jsonl", str(corpus), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 0, result.output
    lines = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [d["id"] for d in lines] == ["harbor-strike", "flood-relief", "council-vote"]
    assert f"{corpus}:2: invalid JSON" in result.stderr
    assert f"{corpus}:3: no `text` or `html` field" in result.stderr
    assert f"{corpus}:5: empty `text`/`html`" in result.stderr
    assert "analyzed 3 articles, skipped 3" in result.stderr


def test_cli_schema_prints_json_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = orjson.loads(result.stdout)
    assert schema["title"] == "newsgraph.analysis/1"


def test_cli_errors_are_one_line(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    monkeypatch.setattr("sys.argv", ["newsgraph", "analyze", str(empty)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "error:" in err and "empty file" in err and "Traceback" not in err


def test_cli_evaluate_unknown_task_fails_cleanly(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "1", "text": "x"}\n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "nonsense", str(gold)])
    assert result.exit_code != 0
