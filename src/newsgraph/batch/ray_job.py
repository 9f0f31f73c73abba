"""The batch run on a Ray cluster, with Ray Data: the same steps as `run_local`, as Ray stages.

    from_items(input files) ─► map_batches(read_files)          one task per file, in parallel
      ─► repartition(target_num_rows_per_block=batch_size)       streaming: no barrier, no shuffle
      ─► map_batches(Analyzer, concurrency=N, num_cpus=1)        actors: the pipeline loads once each
      ─► map_batches(write_part, batch_size=rows_per_part)       one Parquet part per table
      ─► counts, streamed back to the driver for the run summary

Ray Data retries a task whose worker died, and restarts a dead actor; every output part is
named by a hash of the articles it holds (`job.part_name`), so a retried part replaces itself
and each article is written exactly once. Ray is an optional dependency (`newsgraph[ray]`);
this module imports it only inside `run_ray`.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from typing import Any

import orjson
import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

from newsgraph.batch.job import (
    DEFAULT_ROWS_PER_PART,
    Analyzer,
    RunSummary,
    failure_reasons,
    finish_output,
    list_inputs,
    prepare_output,
    read_files,
    write_outputs,
)
from newsgraph.batch.parquet import TABLES, Partitioning, Result, results_table
from newsgraph.errors import BatchError
from newsgraph.extras import require
from newsgraph.settings import Settings

LOGGER = logging.getLogger(__name__)

COUNTS_SCHEMA = pa.schema(
    [*(pa.field(name, pa.int64()) for name in TABLES), pa.field("reasons", pa.string())]
)


def write_part(results: pa.Table, out: str, partitioning: Partitioning) -> pa.Table:
    """Write one output part of every table; return one row of counts (and failure reasons)."""
    counts = write_outputs(results, out, partitioning)
    row: dict[str, Any] = {name: [counts.get(name, 0)] for name in TABLES}
    row["reasons"] = [orjson.dumps(failure_reasons(results)).decode()]
    return pa.Table.from_pydict(row, schema=COUNTS_SCHEMA)


def connect(address: str | None, workers: int | None) -> int:
    """Join the cluster at `address` (or start a local one); return the CPUs to analyze with.

    Without an address a local Ray instance is started with `workers` CPUs (all when None).
    Usage statistics and the dashboard stay off, so nothing is downloaded or sent anywhere.

    Raises:
        MissingExtra: Ray is not installed.
    """
    require("ray", "the ray engine (or use --engine local)")
    import ray

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if not ray.is_initialized():
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": True}
        if address:
            ray.init(address=address, **options)
        else:
            ray.init(num_cpus=workers, **options)
    cpus = int(ray.cluster_resources().get("CPU", 1))  # type: ignore[no-untyped-call]
    return max(1, min(workers, cpus) if workers else cpus)


def run_ray(
    inputs: Sequence[str],
    out: str,
    settings: Settings,
    *,
    address: str | None = None,
    workers: int | None = None,
    partitioning: Partitioning = "none",
    rows_per_part: int = DEFAULT_ROWS_PER_PART,
    overwrite: bool = False,
) -> RunSummary:
    """Run a batch on a Ray cluster (or a local Ray instance) and write OUT.

    `workers` caps the analyzer actors (one CPU each); by default there is one per CPU of the
    cluster. Ray Data shows its progress bars on standard error.

    Raises:
        MissingExtra: Ray is not installed.
        BatchError: no input matched, the output directory is not usable, or the
            job failed as a whole (an analyzer that cannot start, a lost cluster).
    """
    files, missing = list_inputs(inputs)
    if not files:
        raise BatchError("no input file found in " + ", ".join(inputs))
    prepare_output(out, overwrite=overwrite)
    actors = connect(address, workers)

    import ray

    summary = RunSummary(engine="ray", workers=actors, inputs=len(files))
    started = time.perf_counter()
    if missing:
        rejected = results_table(Result(r.origin, r.id, stage="read", reason=r.reason) for r in missing)
        counts = write_outputs(rejected, out, partitioning)
        summary.add(counts, failure_reasons(rejected))

    rows = [{"path": f.path, "base": f.base} for f in files]
    dataset = (
        ray.data.from_items(rows, override_num_blocks=len(rows))
        .map_batches(read_files, fn_kwargs={"strict": settings.strict}, batch_size=1, batch_format="pyarrow")
        .repartition(target_num_rows_per_block=settings.batch_size)
        .map_batches(
            Analyzer,
            fn_constructor_kwargs={"settings": settings},
            batch_size=settings.batch_size,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(min_size=1, max_size=actors),
            num_cpus=1,
        )
        .map_batches(
            write_part,  # type: ignore[arg-type]
            fn_kwargs={"out": out, "partitioning": partitioning},
            batch_size=rows_per_part,
            batch_format="pyarrow",
            num_cpus=0,
        )
    )
    try:
        for row in dataset.iter_rows():
            summary.add({name: int(row[name]) for name in TABLES}, orjson.loads(row["reasons"]))
    except Exception as exc:  # Ray wraps the cause (e.g. a pipeline that cannot load) in long reports
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        cause = lines[-1] if lines else type(exc).__name__
        raise BatchError(f"the Ray job failed: {cause} (--debug shows the whole report)") from exc
    summary.seconds = time.perf_counter() - started
    finish_output(summary, out, partitioning)
    return summary
