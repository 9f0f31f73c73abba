"""`newsgraph entities`: corrections from the command line, the rules and the audit log."""

from __future__ import annotations

from pathlib import Path

import orjson
from sqlalchemy import text
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store.db import open_store
from newsgraph.store.writer import store_analyses
from tests.support.store import entity_sets, identity_articles


def _ids(url: str) -> dict[str, int]:
    engine = open_store(url)
    try:
        with engine.connect() as conn:
            return {r.name: r.id for r in conn.execute(text("SELECT id, name FROM entities WHERE named"))}
    finally:
        engine.dispose()


def test_cli_entities_corrections_rules_and_audit(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = open_store(url)
    store_analyses(engine, identity_articles())
    engine.dispose()
    runner = CliRunner()
    ids = _ids(url)
    merged = runner.invoke(
        app,
        [
            "entities",
            "merge",
            str(ids["John Clifford"]),
            str(ids["Mark Clifford"]),
            "--db",
            url,
            "--author",
            "desk",
        ],
    )
    assert merged.exit_code == 0, merged.output
    renamed = runner.invoke(app, ["entities", "rename", str(ids["James Risch"]), "Jim Risch", "--db", url])
    assert renamed.exit_code == 0, renamed.output
    bad = runner.invoke(app, ["entities", "retype", "1", "HUMAN", "--db", url])
    assert bad.exit_code != 0
    rejected = runner.invoke(app, ["entities", "reject", "apple computer", "--db", url])
    assert rejected.exit_code == 0, rejected.output
    found = entity_sets(url)
    assert ("PERSON", "John Clifford", frozenset({"a0", "a1"})) in found
    assert ("PERSON", "Jim Risch", frozenset({"a2", "a3"})) in found
    rules_file = tmp_path / "rules.jsonl"
    assert runner.invoke(app, ["entities", "rules", "--db", url, "--out", str(rules_file)]).exit_code == 0
    rules = [orjson.loads(line) for line in rules_file.read_bytes().splitlines()]
    assert [r["kind"] for r in rules] == ["merge", "rename", "reject"]
    audit = runner.invoke(app, ["entities", "audit", "--db", url])
    entries = [orjson.loads(line) for line in audit.stdout.splitlines()]
    assert [e["action"] for e in entries] == ["reject", "rename", "merge"]
    assert entries[-1]["author"] == "desk"
    # the rules carried to a new store apply to the articles stored there
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert runner.invoke(app, ["entities", "import-rules", str(rules_file), "--db", other]).exit_code == 0
    engine = open_store(other)
    store_analyses(engine, identity_articles())
    engine.dispose()
    assert entity_sets(other) == found
    assert runner.invoke(app, ["entities", "rebuild", "--db", other]).exit_code == 0
    assert entity_sets(other) == found
