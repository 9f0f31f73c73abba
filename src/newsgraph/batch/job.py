"""The batch driver, independent of the engine: inputs, the analyze step, output files, summary.

A batch run reads every input, analyzes each article once and writes Parquet datasets
(`newsgraph.batch.parquet.TABLES`) plus a run summary, `_summary.json`:

    list_inputs ─► read_input (per file) ─► raw rows ─► Analyzer (per chunk) ─► results rows
                                                        ─► write_outputs (per output part) ─► OUT/<table>/

Both engines run exactly these functions: `run_local` on local processes (no Ray needed),
`newsgraph.batch.ray_job.run_ray` on a Ray cluster, where the per-file reads, the `Analyzer`
(a callable class that loads the pipeline once, in `__init__`) and the part writers become
Ray Data stages. The Analysis JSON of an article is the same bytes whatever the engine and the
number of workers, and the same as `newsgraph analyze` gives.

A bad input never ends a run: it becomes a row of the `errors` dataset with the reason. Output
parts are named by a hash of the origins they hold, so a part written twice (a retried Ray
task) replaces itself instead of duplicating rows.

Paths may be local or any URI `pyarrow.fs.FileSystem.from_uri` understands (`s3://…`,
`gs://…`, `hdfs://…`). Local inputs are read with `newsgraph.sources.read_path`; remote files are
copied to a local temporary file first and read the same way, so every reader (text, HTML,
JSONL, WARC) works on both.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fnmatch
import glob
import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath
from typing import Any

import orjson
import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
import pyarrow.compute as pc  # type: ignore[import-untyped, unused-ignore]
import pyarrow.fs as pafs  # type: ignore[import-untyped, unused-ignore]
import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

from newsgraph.batch.local import Done, analyze_chunk, chunked, map_in_processes
from newsgraph.batch.parquet import TABLES, Partitioning, Result, results_table, split_results, table_schema
from newsgraph.boundary import reject
from newsgraph.errors import BatchError
from newsgraph.extract.pipeline import get_nlp
from newsgraph.settings import Settings
from newsgraph.sources.base import RawArticle, Rejected, SourceItem
from newsgraph.sources.read import is_readable, read_path, readable_files

LOGGER = logging.getLogger(__name__)

SUMMARY_FILE = "_summary.json"
DEFAULT_ROWS_PER_PART = 5000
"""Articles per output part: one Parquet file per table (per month when partitioned)."""

RAW_SCHEMA = pa.schema(
    [
        pa.field("origin", pa.string(), nullable=False),
        pa.field("id", pa.string()),
        pa.field("text", pa.large_string()),
        pa.field("url", pa.string()),
        pa.field("title", pa.string()),
        pa.field("published", pa.string()),
        pa.field("published_source", pa.string(), metadata={b"doc": b"html when read from the page"}),
        pa.field("source", pa.string()),
        pa.field("authors", pa.list_(pa.string())),
        pa.field("is_extracted", pa.bool_()),
        pa.field("reason", pa.string(), metadata={b"doc": b"why the input could not be read"}),
    ]
)
"""One input item as read: a `RawArticle`, or a `Rejected` (then only origin, id, reason)."""


# --- Inputs ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input file: a local path (`base` None) or a path on the filesystem of URI `base`."""

    path: str
    base: str | None = None

    @property
    def uri(self) -> str:
        """Where the file is, as the user would write it."""
        if self.base is None:
            return self.path
        scheme = self.base.split("://", 1)[0]
        return f"{scheme}://{self.path.lstrip('/')}" if scheme != "file" else f"file://{self.path}"


def is_uri(value: str) -> bool:
    """Return True for `scheme://…` inputs (read through pyarrow's filesystems)."""
    return "://" in value


def _readable(path: PurePath) -> bool:
    """Return True for the files `read_path` reads in a directory, less `_`-named ones (`_SUCCESS`)."""
    return is_readable(path) and not path.name.startswith("_")


def _has_glob(value: str) -> bool:
    return any(c in value for c in "*?[")


def list_inputs(inputs: Sequence[str]) -> tuple[list[InputFile], list[Rejected]]:
    """Expand inputs (files, directories, globs; local or URIs) into files, in a stable order.

    Directories are walked recursively for the readable kinds (text, HTML, JSONL, WARC); hidden
    files are skipped. An input that matches nothing is returned as Rejected.
    """
    files: list[InputFile] = []
    missing: list[Rejected] = []
    for value in inputs:
        found = _list_uri(value) if is_uri(value) else _list_local(value)
        if found:
            files.extend(found)
        else:
            missing.append(Rejected(value, "no such file or directory, or no readable file in it"))
    return files, missing


def _list_local(value: str) -> list[InputFile]:
    if _has_glob(value):
        matches = sorted(glob.glob(value, recursive=True))
        return [f for m in matches for f in _list_local(m)]
    path = Path(value)
    if path.is_dir():
        return [InputFile(str(p)) for p in readable_files(path) if _readable(p)]
    return [InputFile(value)] if path.is_file() else []


def _list_uri(value: str) -> list[InputFile]:
    scheme, rest = value.split("://", 1)
    pattern = None
    if _has_glob(rest):
        static = rest[: min(rest.index(c) for c in "*?[" if c in rest)]
        base_dir = static.rsplit("/", 1)[0] if "/" in static else static
        pattern, value = rest, f"{scheme}://{base_dir}"
    try:
        fs, root = pafs.FileSystem.from_uri(value)
        info = fs.get_file_info(root)
        if info.type == pafs.FileType.Directory:
            entries = fs.get_file_info(pafs.FileSelector(root, recursive=True))
            paths = sorted(
                e.path
                for e in entries
                if e.type == pafs.FileType.File and _readable(PurePosixPath(e.base_name))
            )
        elif info.type == pafs.FileType.File:
            paths = [root]
        else:
            paths = []
    except (OSError, pa.ArrowException) as exc:
        LOGGER.warning("%s: cannot list: %s", value, exc)
        return []
    if pattern is not None:
        paths = [p for p in paths if fnmatch.fnmatchcase(p.lstrip("/"), pattern.lstrip("/"))]
    return [InputFile(p, base=value) for p in paths]


def filesystem(uri: str) -> tuple[pafs.FileSystem, str]:
    """Return the pyarrow filesystem and the path in it of a local path or URI."""
    if not is_uri(uri):
        return pafs.LocalFileSystem(), os.path.abspath(uri)
    fs, path = pafs.FileSystem.from_uri(uri)
    return fs, str(path)


def read_input(file: InputFile) -> Iterator[SourceItem]:
    """Yield the articles of one input file (local, or copied from its filesystem first)."""
    if file.base is None:
        yield from read_path(Path(file.path))
        return
    uri = file.uri
    name = Path(file.path).name
    with tempfile.TemporaryDirectory(prefix="newsgraph-") as tmp:
        local = Path(tmp) / name
        try:
            fs, _ = filesystem(file.base)
            with fs.open_input_stream(file.path) as source, local.open("wb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
        except (OSError, pa.ArrowException) as exc:
            yield Rejected(uri, f"cannot read file: {exc}")
            return
        prefix = str(local)
        for item in read_path(local):
            origin = uri + item.origin[len(prefix) :] if item.origin.startswith(prefix) else uri
            if isinstance(item, RawArticle):
                item.origin = origin
                yield item
            else:
                yield dataclasses.replace(item, origin=origin)


def items_table(items: Iterable[SourceItem]) -> pa.Table:
    """Build a `RAW_SCHEMA` table of input items."""
    rows: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Rejected):
            rows.append({"origin": item.origin, "id": item.id, "reason": item.reason, "authors": []})
        else:
            rows.append(
                {
                    "origin": item.origin,
                    "id": item.id,
                    "text": item.text,
                    "url": item.url,
                    "title": item.title,
                    "published": item.published,
                    "published_source": item.published_source,
                    "source": item.source,
                    "authors": item.authors,
                    "is_extracted": item.is_extracted,
                }
            )
    return pa.Table.from_pylist(rows, schema=RAW_SCHEMA)


def table_items(table: pa.Table) -> list[SourceItem]:
    """Turn `RAW_SCHEMA` rows back into the items they were built from."""
    items: list[SourceItem] = []
    for row in table.to_pylist():
        if row["reason"] is not None:
            items.append(Rejected(row["origin"], row["reason"], id=row["id"]))
        else:
            items.append(
                RawArticle(
                    text=row["text"],
                    id=row["id"],
                    url=row["url"],
                    title=row["title"],
                    published=row["published"],
                    published_source="html" if row["published_source"] == "html" else None,
                    source=row["source"],
                    authors=list(row["authors"] or []),
                    origin=row["origin"],
                    is_extracted=bool(row["is_extracted"]),
                )
            )
    return items


def read_files(files: pa.Table, strict: bool = False) -> pa.Table:
    """Read the input files named in a table's `path`/`base` columns into `RAW_SCHEMA` rows."""
    items: list[SourceItem] = []
    for row in files.to_pylist():
        items.extend(read_guarded(InputFile(row["path"], row["base"]), strict))
    return items_table(items)


def read_guarded(file: InputFile, strict: bool = False) -> Iterator[SourceItem]:
    """Yield the articles of one input file; a reader bug rejects the rest of the file (`reject`)."""
    try:
        yield from read_input(file)
    except Exception as exc:  # the per-file failure boundary
        yield reject(file.uri, exc, strict=strict, stage="reading")


# --- The analyze step -----------------------------------------------------------------------


def analyze_items(items: list[SourceItem], settings: Settings) -> list[Result]:
    """Analyze a chunk of items in this process; one Result per item, in order.

    Inputs that were already Rejected keep stage `read`; an article that fails is rejected with
    stage `analyze` and its reason by the per-article boundary of `analyze_stream`.
    """
    done = analyze_chunk(items, settings)
    out: list[Result] = []
    for item, result in zip(items, done, strict=True):
        if isinstance(result, Done):
            out.append(Result(item.origin, result.id, analysis=result.json))
        else:
            stage = "read" if isinstance(item, Rejected) else "analyze"
            out.append(Result(item.origin, result.id or item.id, stage=stage, reason=result.reason))
    return out


class Analyzer:
    """Analyze batches of raw rows: the batch class both engines run (a Ray Data callable class).

    Reads `RAW_SCHEMA` rows; writes `RESULTS_SCHEMA` rows, one per input row, in order. The
    pipeline is loaded once, in `__init__`, and reused for every batch.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.nlp = get_nlp(settings)

    def __call__(self, batch: pa.Table) -> pa.Table:
        """Analyze one batch of raw rows into results rows."""
        return results_table(analyze_items(table_items(batch), self.settings))


# --- Output parts ---------------------------------------------------------------------------


def part_name(results: pa.Table) -> str:
    """Return the deterministic file name of the output part holding these results."""
    digest = hashlib.sha256()
    for origin in results.column("origin").to_pylist():
        digest.update(origin.encode("utf-8", "surrogatepass") + b"\n")
    return f"part-{digest.hexdigest()[:20]}.parquet"


def write_outputs(results: pa.Table, out: str, partitioning: Partitioning = "none") -> dict[str, int]:
    """Write one output part of every table (see `TABLES`) from a results table; return row counts.

    Parts are named by `part_name` and written to a hidden temporary name first on local disks,
    so a part written again (a retried task) replaces the earlier one whole.
    """
    fs, root = filesystem(out)
    name = part_name(results)
    counts: dict[str, int] = {}
    for table_name, table in split_results(results, partitioning).items():
        counts[table_name] = table.num_rows
        if partitioning == "month" and table_name != "errors":
            for month in sorted(set(table.column("month").to_pylist())):
                mask = pc.equal(table.column("month"), month)
                part = table.filter(mask).drop_columns(["month"])
                _write_part(fs, f"{root}/{table_name}/month={month}", name, part)
        elif table.num_rows or table_name != "errors":
            _write_part(fs, f"{root}/{table_name}", name, table)
    return counts


def _write_part(fs: pafs.FileSystem, directory: str, name: str, table: pa.Table) -> None:
    if table.num_rows == 0:
        return
    _write_file(fs, directory, name, table)


def _write_file(fs: pafs.FileSystem, directory: str, name: str, table: pa.Table) -> None:
    fs.create_dir(directory, recursive=True)
    final = f"{directory}/{name}"
    if isinstance(fs, pafs.LocalFileSystem):
        temporary = f"{directory}/.{name}.{os.getpid()}.tmp"
        pq.write_table(table, temporary, filesystem=fs, compression="zstd")
        fs.move(temporary, final)
    else:
        pq.write_table(table, final, filesystem=fs, compression="zstd")


# --- Run summary ----------------------------------------------------------------------------


@dataclass(slots=True)
class RunSummary:
    """What a batch run did: counts per output table, failures by reason, time and rate."""

    engine: str
    workers: int
    inputs: int = 0
    analyzed: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Analyzed articles per second over the whole run."""
        return self.analyzed / self.seconds if self.seconds else 0.0

    def add(self, counts: dict[str, int], reasons: Iterable[str]) -> None:
        """Fold the counts of one output part in."""
        for name, count in counts.items():
            self.rows[name] = self.rows.get(name, 0) + count
        self.analyzed += counts.get("analyses", 0)
        self.failed += counts.get("errors", 0)
        self.reasons.update(reasons)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready summary (written to `_summary.json`)."""
        return {
            "engine": self.engine,
            "workers": self.workers,
            "input_files": self.inputs,
            "analyzed": self.analyzed,
            "failed": self.failed,
            "rows": {name: self.rows.get(name, 0) for name in TABLES},
            "failures": dict(self.reasons.most_common()),
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 3),
        }


def reason_key(reason: str) -> str:
    """Group failure reasons: the part before the first colon (`invalid JSON`, `extraction failed`)."""
    return reason.split(":", 1)[0].strip()


EMPTY_PART = "part-empty.parquet"


def finish_output(summary: RunSummary, out: str, partitioning: Partitioning = "none") -> None:
    """Give every table that got no rows one empty part (so readers see its schema); write the summary."""
    fs, root = filesystem(out)
    for name in TABLES:
        if summary.rows.get(name, 0) == 0:
            schema = table_schema(name, "none" if name == "errors" else partitioning)
            if "month" in schema.names:
                schema = schema.remove(schema.get_field_index("month"))
            _write_file(fs, f"{root}/{name}", EMPTY_PART, schema.empty_table())
    write_summary(summary, out)


def write_summary(summary: RunSummary, out: str) -> None:
    """Write `_summary.json` into the output directory."""
    fs, root = filesystem(out)
    fs.create_dir(root, recursive=True)
    with fs.open_output_stream(f"{root}/{SUMMARY_FILE}") as handle:
        handle.write(orjson.dumps(summary.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")


def prepare_output(out: str, *, overwrite: bool) -> None:
    """Check the output directory is new or empty (or clear it with `overwrite`).

    Raises:
        BatchError: it holds a previous output and `overwrite` is False.
    """
    fs, root = filesystem(out)
    info = fs.get_file_info(root)
    if info.type == pafs.FileType.File:
        raise BatchError(f"{out}: is a file, not a directory")
    if info.type == pafs.FileType.Directory and fs.get_file_info(pafs.FileSelector(root)):
        if not overwrite:
            raise BatchError(f"{out}: not empty (use --overwrite to replace its contents)")
        fs.delete_dir_contents(root)
    fs.create_dir(root, recursive=True)


# --- The local engine -----------------------------------------------------------------------

ProgressCallback = Callable[[int, int], None]
"""Called after each analyzed chunk with (articles analyzed, inputs failed) in that chunk."""


def iter_items(
    files: Sequence[InputFile], missing: Sequence[Rejected], strict: bool = False
) -> Iterator[SourceItem]:
    """Yield the items of every input file in order, then the inputs that matched nothing."""
    for file in files:
        yield from read_guarded(file, strict)
    yield from missing


def run_local(
    inputs: Sequence[str],
    out: str,
    settings: Settings,
    *,
    workers: int = 1,
    partitioning: Partitioning = "none",
    rows_per_part: int = DEFAULT_ROWS_PER_PART,
    overwrite: bool = False,
    progress: ProgressCallback | None = None,
) -> RunSummary:
    """Run a batch on `workers` local processes (one: in this process) and write OUT.

    Raises:
        BatchError: no input matched, or the output directory is not usable.
    """
    files, missing = list_inputs(inputs)
    if not files:
        raise BatchError("no input file found in " + ", ".join(inputs))
    prepare_output(out, overwrite=overwrite)
    summary = RunSummary(engine="local", workers=workers, inputs=len(files))
    started = time.perf_counter()
    chunks = (
        items_table(chunk)
        for chunk in chunked(iter_items(files, missing, settings.strict), settings.batch_size)
    )
    with contextlib.closing(map_in_processes(Analyzer, settings, chunks, workers)) as results:
        pending: list[pa.Table] = []
        pending_rows = 0
        for table in results:
            if progress is not None:
                failed = table.column("analysis").null_count
                progress(table.num_rows - failed, failed)
            pending.append(table)
            pending_rows += table.num_rows
            if pending_rows >= rows_per_part:
                _flush(pending, out, partitioning, summary)
                pending, pending_rows = [], 0
        if pending:
            _flush(pending, out, partitioning, summary)
    summary.seconds = time.perf_counter() - started
    finish_output(summary, out, partitioning)
    return summary


def _flush(pending: list[pa.Table], out: str, partitioning: Partitioning, summary: RunSummary) -> None:
    results = pa.concat_tables(pending)
    counts = write_outputs(results, out, partitioning)
    summary.add(counts, failure_reasons(results))


def failure_reasons(results: pa.Table) -> list[str]:
    """Return the grouped reason (`reason_key`) of each failed row of a results table."""
    return [reason_key(r) for r in results.column("reason").to_pylist() if r is not None]
