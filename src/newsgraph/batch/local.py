"""Analyze a stream of articles on N local processes, in input order.

Each worker process builds the pipeline once (`get_nlp`) and analyzes chunks of articles with
`analyze_stream`; results come back as JSON bytes, so the parent never re-validates them and
the output is byte-identical whatever the number of workers. `map_in_processes` is the one
process pool: `analyze_parallel` (ingest, `analyze --jsonl`) and the batch driver's local
engine (`batch.job.run_local`) both run on it.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing as mp
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from newsgraph.extract.pipeline import analyze_stream, get_nlp
from newsgraph.models import Analysis
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle, Rejected

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True, frozen=True)
class Done:
    """One analyzed article: its id, origin and the Analysis as JSON bytes."""

    id: str
    origin: str
    json: bytes

    def analysis(self) -> Analysis:
        """Parse the Analysis back (validated)."""
        return Analysis.from_json(self.json)


Outcome = Done | Rejected
"""What analyzing one input gives: the Analysis, or why there is none."""

T = TypeVar("T")
R = TypeVar("R")

POOL_TASK = 8
"""Most articles per task sent to a worker process. Small tasks keep every worker busy to the end
of the input (with 32-article tasks, 150 articles split 96/54 between two workers) and bound a
worker's peak memory, which grows with the tokens of the batch it parses; spaCy's batch size
barely changes its CPU time per article."""


def analyze_chunk(items: list[RawArticle | Rejected], settings: Settings) -> list[Outcome]:
    """Analyze one chunk in this process; one result per item, in order.

    A failing article comes out as its Rejected (`analyze_stream` is the per-article failure
    boundary); nothing here catches exceptions, so with `settings.strict` a bug ends the run.
    """
    out: list[Outcome] = []
    for item, result in zip(items, analyze_stream(items, settings=settings), strict=True):
        if isinstance(result, Rejected):
            out.append(result)
        else:
            origin = item.origin if isinstance(item, RawArticle) else result.id
            out.append(Done(result.id, origin, result.to_json()))
    return out


class _ChunkAnalyzer:
    """Analyze chunks with the pipeline built once (in each worker process, by its initializer)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        get_nlp(settings)

    def __call__(self, items: list[RawArticle | Rejected]) -> list[Outcome]:
        return analyze_chunk(items, self.settings)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield lists of `size` items (the last one shorter), in order."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


_TASK: Callable[[Any], Any] | None = None
"""The function a worker process runs on each task (built by `_init_worker`)."""


def _init_worker(make: Callable[[Settings], Callable[[Any], Any]], settings: Settings) -> None:
    global _TASK
    _TASK = make(settings)


def _run_task(task: Any) -> Any:
    assert _TASK is not None
    return _TASK(task)


def map_in_processes(
    make: Callable[[Settings], Callable[[T], R]], settings: Settings, tasks: Iterable[T], workers: int
) -> Generator[R, None, None]:
    """Yield `make(settings)(task)` for every task, in order.

    With one worker everything runs in this process; with more, each of `workers` forked processes
    builds its function once (`make(settings)`, which loads the pipeline) and takes one task at a
    time. Nothing here catches an exception: a failure inside a task is the task's to handle.
    """
    if workers <= 1:
        yield from map(make(settings), tasks)
        return
    context = mp.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(make, settings)) as pool:
        yield from pool.imap(_run_task, tasks, chunksize=1)


def analyze_parallel(
    items: Iterable[RawArticle | Rejected], settings: Settings, workers: int | None = None
) -> Iterator[Outcome]:
    """Yield one result per input item, in input order, using `workers` processes.

    With one worker everything runs in this process (no pool), through the same function, in
    chunks of `settings.batch_size`; with more, workers take tasks of at most `POOL_TASK` articles.
    """
    workers = workers or settings.workers
    size = settings.batch_size if workers <= 1 else min(settings.batch_size, POOL_TASK)
    for results in map_in_processes(_ChunkAnalyzer, settings, chunked(items, size), workers):
        yield from results
