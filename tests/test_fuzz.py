"""Coverage-guided fuzzing (atheris) of the cleaner and the quotes component.

The default run fuzzes each harness in `fuzz/` for a few seconds (`SHORT_SECONDS`) from a small
seed corpus of news-like lines, so CI catches a crash or a hang; the `fuzz` marker runs them for
`NEWSGRAPH_FUZZ_SECONDS` each: `NEWSGRAPH_FUZZ_SECONDS=600 pytest -m fuzz tests/test_fuzz.py`.
A harness fails on any exception, on a broken offset invariant, and on one input running longer
than libFuzzer's `-timeout`; the crashing input is kept in the test's temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

pytest.importorskip("atheris", reason="atheris is not installed (pip install atheris)")

SHORT_SECONDS = {"fuzz_clean.py": 15, "fuzz_quotes.py": 20}
PER_INPUT_TIMEOUT = 30
SEEDS = [
    'Mayor Jane Roe said on Monday: “We will not accept this budget,” and added that it was "reckless".',
    "‘It is over,’ he said. «Non», a-t-elle répondu. „Nein“, sagte er. '' `` \" \" ' '",
    "LONDON (AP) — Share this article\nAdvertisement\nRead more: Talks end\n© 2024 Daily Test\n",
    "“Unclosed quote, said the spokeswoman for the Ministry of Health, according to a statement.",
    "By JANE ROE\r\nUpdated 18 July 2021\r\n\r\nThe talks ended.\u2028Related: Doha\u2029More stories",
]


def _fuzz(harness: str, seconds: int, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for number, text in enumerate(SEEDS):
        (seeds / f"seed-{number}").write_text(text, encoding="utf-8")
    command = [
        sys.executable,
        str(ROOT / "fuzz" / harness),
        f"-max_total_time={seconds}",
        f"-timeout={PER_INPUT_TIMEOUT}",
        "-rss_limit_mb=4096",
        "-max_len=4096",
        f"-artifact_prefix={tmp_path}/",
        str(seeds),
    ]
    return subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=seconds + 300, check=False
    )


def _check(done: subprocess.CompletedProcess[str], tmp_path: Path) -> None:
    crashes = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-")))
    assert done.returncode == 0 and not crashes, f"{crashes}\n{done.stderr[-3000:]}"
    assert "Done" in done.stderr, done.stderr[-2000:]


@pytest.mark.parametrize("harness", sorted(SHORT_SECONDS))
def test_fuzz_short_run_finds_no_crash(harness: str, tmp_path: Path) -> None:
    _check(_fuzz(harness, SHORT_SECONDS[harness], tmp_path), tmp_path)


@pytest.mark.fuzz
@pytest.mark.parametrize("harness", sorted(SHORT_SECONDS))
def test_fuzz_long_run_finds_no_crash(harness: str, tmp_path: Path) -> None:
    if "NEWSGRAPH_FUZZ_SECONDS" not in os.environ:
        pytest.skip("long fuzzing run: set NEWSGRAPH_FUZZ_SECONDS (e.g. 600) and run `pytest -m fuzz`")
    seconds = int(os.environ["NEWSGRAPH_FUZZ_SECONDS"])
    _check(_fuzz(harness, seconds, tmp_path), tmp_path)
