"""`newsgraph watch …`: saved queries that alert on new facts.

    newsgraph watch add quote --speaker "Haibatullah Akhundzada" --words settlement
    newsgraph watch add event --type CONSULT --source 12 --target 40 --either-way
    newsgraph watch add story 412                # new articles in a story (followed when it merges)
    newsgraph watch add search '"bird flu" Indonesia' --webhook https://hooks.example.org/in
    newsgraph watch list
    newsgraph watch deliver                      # the webhook worker (run it beside ingest)
    newsgraph watch digest --since 24h --out digest.md

Every article stored afterwards (ingest, POST /api/articles, load) is matched as it is written;
see `newsgraph.store.watches` and `newsgraph.alerts`.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from newsgraph.errors import InputError
from newsgraph.settings import Settings

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported when a command runs, not with the CLI
    from sqlalchemy import Connection, Engine

    from newsgraph.store.watches.spec import WatchPublic

app = typer.Typer(
    help="Saved queries that alert on new facts: feeds, webhooks, digests.", no_args_is_help=True
)
console = Console(stderr=True)

Db = Annotated[str | None, typer.Option(help="Database URL (default: NEWSGRAPH_DB).")]


@contextmanager
def _store(db: str | None) -> Iterator[Engine]:
    from newsgraph.store.db import open_store

    engine = open_store(db or Settings().db)
    try:
        yield engine
    finally:
        engine.dispose()


def _entity(conn: Connection, ref: str | None, what: str) -> int | None:
    """An entity id from an id or a name (the most mentioned entity of that name)."""
    from newsgraph.errors import NotFound
    from newsgraph.store.queries import find_entities

    if ref is None:
        return None
    if ref.strip().isdigit():
        return int(ref)
    found = find_entities(conn, ref.strip(), limit=1)
    if not found:
        raise NotFound(f"{what}: no entity called {ref!r}")
    console.print(f"{what}: {escape(found[0].name)} (entity {found[0].id})", highlight=False)
    return found[0].id


def _query(conn: Connection, kind: str, args: list[str], o: dict[str, Any]) -> dict[str, Any]:
    """The query of `watch add KIND ARGS… OPTIONS` (entity names resolved)."""
    if kind == "quote":
        return {"kind": kind, "speaker": _entity(conn, o["speaker"], "speaker"), "words": o["words"]}
    if kind == "number":
        claimant = _entity(conn, o["claimant"], "claimant")
        return {"kind": kind, "words": o["words"], "unit": o["unit"], "claimant": claimant}
    if kind == "event":
        return {
            "kind": kind,
            "type": o["type_"].upper() if o["type_"] else None,
            "source": _entity(conn, o["source"], "source"),
            "target": _entity(conn, o["target"], "target"),
            "either_way": o["either_way"],
            "place": o["place"],
            "country": o["country"].upper() if o["country"] else None,
        }
    if kind == "entities":
        return {"kind": kind, "entities": [_entity(conn, e, "entity") for e in args]}
    if kind == "story":
        return {"kind": kind, "story": args[0] if len(args) == 1 else None}
    if kind == "search":
        scope = "quotes" if o["quotes"] else "articles"
        return {"kind": kind, "query": " ".join(args) or None, "scope": scope, "source": o["outlet"]}
    raise InputError(f"unknown kind {kind!r}: use quote, number, event, entities, story or search")


@app.command("add")
def add_command(
    kind: Annotated[str, typer.Argument(help="quote, number, event, entities, story or search.")],
    args: Annotated[
        list[str] | None, typer.Argument(help="entities: ids or names; story: its id; search: the query.")
    ] = None,
    speaker: Annotated[str | None, typer.Option(help="quote: the speaker (an entity id or name).")] = None,
    words: Annotated[str | None, typer.Option(help="quote, number: only with these words.")] = None,
    unit: Annotated[str | None, typer.Option(help='number: what it counts ("prisoners").')] = None,
    claimant: Annotated[str | None, typer.Option(help="number: who claims it (id or name).")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="event: a PLOVER type (CONSULT).")] = None,
    source: Annotated[str | None, typer.Option(help="event: the actor who acts (id or name).")] = None,
    target: Annotated[str | None, typer.Option(help="event: the actor acted upon (id or name).")] = None,
    either_way: Annotated[bool, typer.Option("--either-way", help="event: either side may act.")] = False,
    place: Annotated[str | None, typer.Option(help="event: a place's name, as geocoded (Doha).")] = None,
    country: Annotated[str | None, typer.Option(help="event: a country code (QA).")] = None,
    quotes: Annotated[bool, typer.Option("--quotes", help="search: match quotes, not articles.")] = False,
    outlet: Annotated[str | None, typer.Option(help="search: only articles of this source.")] = None,
    name: Annotated[str | None, typer.Option(help="A label (default: the query in words).")] = None,
    webhook: Annotated[
        str | None, typer.Option(help="POST every match here (http or https, a public address), signed.")
    ] = None,
    author: Annotated[str | None, typer.Option(help="Who makes it (default: the login name).")] = None,
    db: Db = None,
) -> None:
    """Create a watch: new quotes by a speaker, numbers, events, articles mentioning entities
    together, articles in a story, or a saved search."""
    from newsgraph.store.watches.manage import create_watch
    from newsgraph.store.watches.spec import read_watch

    options = dict(locals())
    with _store(db) as engine:
        with engine.connect() as conn:
            query = {k: v for k, v in _query(conn, kind, args or [], options).items() if v is not None}
        who = author or getpass.getuser()
        made = read_watch({"query": query, "name": name, "webhook": webhook, "author": who})
        watch, secret = create_watch(engine, made, allow_private=Settings().watch_private_targets)
    console.print(f"watch {watch.id} stored: {escape(watch.description)}", highlight=False)
    console.print(f"feed: {watch.feed} (page: {watch.feed.removesuffix('.atom')})", highlight=False)
    if watch.webhook is not None:
        console.print(f"webhook secret (shown once; it signs every delivery): {secret}", highlight=False)


@app.command("list")
def list_command(
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
    db: Db = None,
) -> None:
    """List the watches: what each asks for, its matches, its feed, its webhook's state."""
    from newsgraph.store.watches.manage import list_watches

    def read(engine: Engine) -> list[WatchPublic]:
        with engine.connect() as conn:
            return list_watches(conn)

    with _store(db) as engine:
        watches = read(engine)
    if json_out:
        sys.stdout.buffer.write(b"".join(w.model_dump_json().encode() + b"\n" for w in watches))
        sys.stdout.flush()
        return
    out = Console()
    for w in watches:
        out.print(f"{w.id}  {escape(w.name)}  [dim]({w.kind}, {w.matches} matches, feed {w.feed})[/dim]")
        if w.webhook is not None:
            state = (
                f"paused since {w.webhook.paused}: {w.webhook.last_error}" if w.webhook.paused else "active"
            )
            out.print(
                f"    webhook {escape(w.webhook.url)}: {escape(state)}, {w.webhook.pending} pending",
                highlight=False,
            )
    if not watches:
        console.print("no watches")


@app.command("delete")
def delete_command(watch_id: Annotated[int, typer.Argument()], db: Db = None) -> None:
    """Delete a watch, its matches and its queued deliveries."""
    from newsgraph.store.watches.manage import delete_watch

    with _store(db) as engine:
        delete_watch(engine, watch_id)
    console.print(f"watch {watch_id} deleted")


@app.command("resume")
def resume_command(watch_id: Annotated[int, typer.Argument()], db: Db = None) -> None:
    """Resume a paused webhook: its waiting deliveries are sent, oldest first."""
    from newsgraph.store.watches.manage import resume_watch

    with _store(db) as engine:
        watch = resume_watch(engine, watch_id)
    pending = watch.webhook.pending if watch.webhook else 0
    console.print(f"watch {watch_id} resumed; {pending} deliveries pending")


@app.command("deliver")
def deliver_command(
    once: Annotated[bool, typer.Option("--once", help="Send what is due now, then stop.")] = False,
    poll: Annotated[float, typer.Option(min=0.1, help="Seconds between checks when nothing is due.")] = 2.0,
    db: Db = None,
) -> None:
    """Send the webhook deliveries, round after round (until Ctrl-C, or with --once until none is due)."""
    from newsgraph.alerts.webhooks import run_worker

    settings = Settings()
    try:
        with _store(db) as engine:
            report = run_worker(engine, settings, once=once, poll=poll)
    except KeyboardInterrupt:
        return
    paused = f", webhooks paused: {', '.join(map(str, report.paused))}" if report.paused else ""
    console.print(f"{report.sent} delivered, {report.failed} failed attempts{paused}")


@app.command("digest")
def digest_command(
    since: Annotated[str, typer.Option(help="Start: 24h, 7d, 30m, 2w ago, or an ISO date or UTC time.")],
    until: Annotated[str | None, typer.Option(help="End (same forms; default: now).")] = None,
    format_: Annotated[str, typer.Option("--format", help="markdown or json.")] = "markdown",
    watch: Annotated[list[int] | None, typer.Option("--watch", help="Only this watch (repeat).")] = None,
    base: Annotated[str, typer.Option(help="URL of the newsgraph server, for links.")] = "",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")] = None,
    db: Db = None,
) -> None:
    """Write the matches of a period, by watch, as Markdown or JSON (for a cron job to send)."""
    from newsgraph.alerts.digest import build_digest, digest_json, digest_markdown, since_time

    if format_ not in ("markdown", "json"):
        raise InputError(f"unknown format {format_!r}: use markdown or json")
    start, end = since_time(since), since_time(until) if until else None

    def read(engine: Engine) -> bytes:
        with engine.connect() as conn:
            digest = build_digest(conn, start, end, watch)
        if format_ == "json":
            return digest_json(digest)
        return digest_markdown(digest, base=base.rstrip("/")).encode()

    with _store(db) as engine:
        text = read(engine)
    if out is None:
        sys.stdout.buffer.write(text)
        sys.stdout.flush()
    else:
        out.write_bytes(text)


@app.command("feed")
def feed_command(
    watch_id: Annotated[int, typer.Argument()],
    base: Annotated[
        str, typer.Option(help="URL of the newsgraph server, for links.")
    ] = "http://127.0.0.1:8000",
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
    db: Db = None,
) -> None:
    """Print a watch's Atom feed (its newest entries)."""
    from newsgraph.alerts.atom import atom_feed
    from newsgraph.store.watches.entries import entries
    from newsgraph.store.watches.manage import get_watch

    def read(engine: Engine) -> bytes:
        with engine.connect() as conn:
            watch = get_watch(conn, watch_id)
            return atom_feed(watch, entries(conn, watch_id, limit=limit), base=base, feed_path=watch.feed)

    with _store(db) as engine:
        sys.stdout.buffer.write(read(engine))
    sys.stdout.flush()


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="watch")
