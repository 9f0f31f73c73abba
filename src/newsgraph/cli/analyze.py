"""`newsgraph analyze`: one article as a readable report or JSON; a JSONL corpus on N processes."""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from newsgraph.cli._report import print_report
from newsgraph.errors import InputError
from newsgraph.models import Analysis
from newsgraph.settings import Settings
from newsgraph.sources.base import Rejected
from newsgraph.sources.read import read_jsonl, read_path, read_stdin


def analyze(
    file: Annotated[
        str | None, typer.Argument(help="Article file (.txt, .html, .jsonl) or '-' for standard input.")
    ] = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the Analysis JSON instead of a report.")
    ] = False,
    published: Annotated[
        str | None, typer.Option(help="Publication date (ISO 8601) to resolve 'on Sunday', 'next week'.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="The article's URL, kept in the Analysis.")] = None,
    title: Annotated[str | None, typer.Option(help="The article's title.")] = None,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Analyze a JSONL corpus (one article per line).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="With --jsonl: where to write one Analysis per line.")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="With --jsonl: processes to use.")] = 1,
    no_clean: Annotated[bool, typer.Option("--no-clean", help="Do not remove boilerplate.")] = False,
) -> None:
    """Analyze one article (a report, or --json), or a JSONL corpus with --jsonl IN --out OUT."""
    settings = Settings()
    if no_clean:
        settings = settings.model_copy(update={"clean": False})
    if jsonl is not None:
        if out is None:
            raise typer.BadParameter("--jsonl needs --out FILE (or --out - for standard output)")
        analyze_corpus(jsonl, out, settings, workers)
        return
    if file is None:
        raise typer.BadParameter("give a FILE, '-' for standard input, or --jsonl IN --out OUT")
    analysis = analyze_one(file, settings, published=published, url=url, title=title)
    if json_out:
        sys.stdout.buffer.write(analysis.to_json(indent=True) + b"\n")
        sys.stdout.flush()
    else:
        print_report(analysis, Console())


def analyze_one(
    file: str, settings: Settings, *, published: str | None, url: str | None, title: str | None
) -> Analysis:
    """Read and analyze the one article in FILE (or stdin); raise InputError when there is none."""
    from newsgraph.extract.pipeline import analyze_stream

    items = list(read_stdin(sys.stdin.buffer.read()) if file == "-" else read_path(Path(file)))
    if not items:
        raise InputError(f"{file}: no article found")
    if len(items) > 1:
        raise InputError(f"{file}: holds {len(items)} articles; use --jsonl IN --out OUT for a corpus")
    item = items[0]
    if isinstance(item, Rejected):
        raise InputError(f"{item.origin}: {item.reason}")
    for name, value in (("published", published), ("url", url), ("title", title)):
        if value is not None:
            setattr(item, name, value)
    (result,) = analyze_stream([item], settings=settings)
    if isinstance(result, Rejected):
        raise InputError(f"{result.origin}: {result.reason}")
    return result


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def analyze_corpus(path: Path, out: Path, settings: Settings, workers: int) -> None:
    """Analyze every line of a JSONL corpus into OUT, in input order; report bad lines and go on."""
    from newsgraph.batch.local import Done, analyze_parallel

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    console = Console(stderr=True)
    total = _count_lines(path)
    reasons: Counter[str] = Counter()
    written = 0
    started = time.perf_counter()
    handle = sys.stdout.buffer if str(out) == "-" else out.open("wb")
    try:
        progress = Progress(
            TextColumn("analyzing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        results = analyze_parallel(read_jsonl(path), settings, workers)
        with progress:
            task = progress.add_task("analyze", total=total, rate="-")
            for result in results:
                if isinstance(result, Done):
                    handle.write(result.json + b"\n")
                    written += 1
                else:
                    reasons[result.reason] += 1
                    console.print(
                        f"[yellow]skipped[/yellow] {result.origin}: {result.reason}",
                        highlight=False,
                        soft_wrap=True,
                    )
                elapsed = time.perf_counter() - started
                done = written + sum(reasons.values())
                progress.update(task, advance=1, rate=f"{done / elapsed:.1f}" if elapsed else "-")
    finally:
        if handle is not sys.stdout.buffer:
            handle.close()
    elapsed = time.perf_counter() - started
    skipped = sum(reasons.values())
    console.print(
        f"analyzed {written} articles, skipped {skipped}, in {elapsed:.1f} s "
        f"({written / elapsed if elapsed else 0:.1f} articles/s, {workers} worker(s))",
        highlight=False,
        soft_wrap=True,
    )
    for reason, count in reasons.most_common():
        console.print(f"  {count} × {reason}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
