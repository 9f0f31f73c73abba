"""Ingest a corpus: read → analyze on N processes → write in batched transactions.

    report = ingest([Path("corpus/")], settings, workers=2)
    print(report.stored, report.duplicates, report.rejected)

Idempotent and resumable. Every article is identified by its content hash; the writer stores a
hash once, in input order, one transaction per batch, with ids it assigns itself. Killing an
ingest at any moment loses at most the batch in flight; running it again skips what is stored
and gives the same database as one clean run. When the store already holds articles, inputs
whose cleaned text hashes to a stored article are not analyzed again (only their URL is
recorded). Bad inputs are counted and listed in the report, never fatal.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from newsgraph.batch.local import Done, analyze_parallel
from newsgraph.extract.pipeline import clean_article, content_hash
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle, Rejected, SourceItem
from newsgraph.sources.read import (
    BROKEN_GZIP,
    expand_pattern,
    is_jsonl,
    open_jsonl,
    read_paths,
    readable_files,
)
from newsgraph.sources.warc import is_warc
from newsgraph.store.db import open_store
from newsgraph.store.retry import with_retry
from newsgraph.store.writer import Duplicate, SeenAgain, Stored, Writer

LOGGER = logging.getLogger(__name__)

ALREADY_STORED = "already stored (same content hash)"
"""Reason marking an input skipped before analysis; counted as a duplicate, not as rejected."""


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: counts, and every rejected input with its reason."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    in_stories: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        """Inputs handled so far (stored, duplicate or rejected)."""
        return self.stored + self.duplicates + len(self.rejected)

    def reasons(self) -> Counter[str]:
        """Return how many inputs were rejected for each reason."""
        return Counter(r.reason for r in self.rejected)


def count_inputs(paths: Iterable[Path]) -> int | None:
    """Return how many articles the paths hold, cheaply (for a progress bar), or None if unknown.

    Files count one article each and JSONL files one per non-blank line; WARC files cannot be
    counted without decompressing them, so their presence makes the total unknown.
    """
    total = 0
    files: list[Path] = []
    for path in paths:
        matches = expand_pattern(path)
        for item in [path] if matches is None else matches:
            files.extend(readable_files(item) if item.is_dir() else [item])
    for file in files:
        if is_warc(file):
            return None
        if is_jsonl(file):
            try:
                with open_jsonl(file) as handle:
                    total += sum(1 for line in handle if line.strip())
            except BROKEN_GZIP:
                total += 1
        else:
            total += 1
    return total


def predicted_hash(raw: RawArticle, settings: Settings) -> str | None:
    """Return the content hash the pipeline will give this article, without running the NLP.

    Mirrors `extract.pipeline.prepare`: the hash is that of the cleaned text. Used only to skip
    work: a wrong prediction costs a re-analysis (the writer still deduplicates), never a loss.
    """
    if len(raw.text) > settings.max_chars:
        return None
    text = clean_article(raw, settings).text
    return content_hash(text) if text.strip() else None


class _Skipper:
    """Turn inputs already stored into `ALREADY_STORED` rejections, remembering their hash and URL."""

    def __init__(self, known: set[str], settings: Settings) -> None:
        self.known = known
        self.settings = settings
        self.seen: deque[SeenAgain] = deque()

    def __call__(self, items: Iterable[SourceItem]) -> Iterator[SourceItem]:
        for item in items:
            if self.known and isinstance(item, RawArticle):
                digest = predicted_hash(item, self.settings)
                if digest is not None and digest in self.known:
                    self.seen.append(SeenAgain(digest, item.url))
                    yield Rejected(item.origin, ALREADY_STORED, id=item.id)
                    continue
            yield item


def ingest(
    paths: Sequence[Path],
    settings: Settings,
    *,
    engine: Engine | None = None,
    workers: int | None = None,
    commit_every: int = 64,
    commit_seconds: float = 5.0,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Analyze and store every article under `paths`; return the report.

    Args:
        paths: files, directories and glob patterns (text, JSONL, HTML, WARC).
        settings: pipeline settings; `settings.db` is the store unless `engine` is given.
        engine: an open store (from `open_store`); default: `open_store(settings.db)`.
        workers: analysis processes (default `settings.workers`).
        commit_every: articles per transaction.
        commit_seconds: also commit a partial batch this often, so progress is saved.
        on_progress: called with the report after every input.
    """
    started = time.perf_counter()
    own_engine = engine is None
    engine = engine or open_store(settings.db)
    writer = Writer(engine)
    skipper = _Skipper(writer.known_hashes(), settings)
    # Worker processes are forked when the loop starts: carry no open connection across the fork
    # (the writer opens a new one on its first batch).
    engine.dispose()
    report = IngestReport()
    batch: list[bytes | SeenAgain] = []
    last_commit = time.monotonic()

    def commit() -> None:
        nonlocal batch, last_commit
        # a lost connection (server restart) is retried with backoff; the writer is idempotent
        outcomes = with_retry(lambda: writer.write(batch), what=f"storing {len(batch)} articles")
        for outcome in outcomes:
            if isinstance(outcome, Stored):
                report.stored += 1
                report.in_stories += outcome.story_id is not None
            elif isinstance(outcome, Duplicate):
                report.duplicates += 1
        batch = []
        last_commit = time.monotonic()

    try:
        for result in analyze_parallel(skipper(read_paths(paths)), settings, workers):
            report.read += 1
            if isinstance(result, Done):
                batch.append(result.json)
            elif result.reason == ALREADY_STORED:
                batch.append(skipper.seen.popleft())
            else:
                LOGGER.debug("%s: skipped: %s", result.origin, result.reason)
                report.rejected.append(result)
            if len(batch) >= commit_every or (batch and time.monotonic() - last_commit >= commit_seconds):
                commit()
            if on_progress is not None:
                on_progress(report)
        if batch:
            commit()
    finally:
        report.seconds = time.perf_counter() - started
        if own_engine:
            engine.dispose()
    if on_progress is not None:
        on_progress(report)
    return report
