"""Analyze a stream of articles on N local processes, in input order.

Each worker process builds the pipeline once (`get_nlp`) and analyzes chunks of articles with
`analyze_stream`; results come back as JSON bytes, so the parent never re-validates them and
the output is byte-identical whatever the number of workers.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

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


Result = Done | Rejected

_WORKER_SETTINGS: Settings | None = None

POOL_TASK = 8
"""Most articles per task sent to a worker process. Small tasks keep every worker busy to the end
of the input (with 32-article tasks, 150 articles split 96/54 between two workers) and bound a
worker's peak memory, which grows with the tokens of the batch it parses; spaCy's batch size
barely changes its CPU time per article."""


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    from newsgraph.extract.pipeline import get_nlp

    _WORKER_SETTINGS = settings
    get_nlp(settings)


def analyze_chunk(items: list[RawArticle | Rejected], settings: Settings) -> list[Result]:
    """Analyze one chunk in this process; one result per item, in order.

    A failing article comes out as its Rejected (`analyze_stream` is the per-article failure
    boundary); nothing here catches exceptions, so with `settings.strict` a bug ends the run.
    """
    from newsgraph.extract.pipeline import analyze_stream

    out: list[Result] = []
    for item, result in zip(items, analyze_stream(items, settings=settings), strict=True):
        if isinstance(result, Rejected):
            out.append(result)
        else:
            origin = item.origin if isinstance(item, RawArticle) else result.id
            out.append(Done(result.id, origin, result.to_json()))
    return out


def _worker_chunk(items: list[RawArticle | Rejected]) -> list[Result]:
    assert _WORKER_SETTINGS is not None
    return analyze_chunk(items, _WORKER_SETTINGS)


def _chunks(items: Iterable[RawArticle | Rejected], size: int) -> Iterator[list[RawArticle | Rejected]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def analyze_parallel(
    items: Iterable[RawArticle | Rejected], settings: Settings, workers: int | None = None
) -> Iterator[Result]:
    """Yield one result per input item, in input order, using `workers` processes.

    With one worker everything runs in this process (no pool), through the same function, in
    chunks of `settings.batch_size`; with more, workers take tasks of at most `POOL_TASK` articles.
    """
    workers = workers or settings.workers
    if workers <= 1:
        for chunk in _chunks(items, settings.batch_size):
            yield from analyze_chunk(chunk, settings)
        return
    chunk_size = min(settings.batch_size, POOL_TASK)
    context = mp.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(settings,), maxtasksperchild=None) as pool:
        for results in pool.imap(_worker_chunk, _chunks(items, chunk_size), chunksize=1):
            yield from results
