"""`newsgraph watch …`: saved queries that alert on new facts.

    newsgraph watch add quote --speaker "Haibatullah Akhundzada" --words settlement
    newsgraph watch add event --type CONSULT --source 12 --target 40 --either-way
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
from collections.abc import Callable
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
add = typer.Typer(help="Create a watch (one command per kind).", no_args_is_help=True)
app.add_typer(add, name="add")
console = Console(stderr=True)

Db = Annotated[str | None, typer.Option(help="Database URL (default: NEWSGRAPH_DB).")]
Name = Annotated[str | None, typer.Option(help="A label (default: the query in words).")]
Webhook = Annotated[str | None, typer.Option(help="POST every match here (http or https), signed.")]
Author = Annotated[str | None, typer.Option(help="Who makes it (default: the login name).")]
Entity = Annotated[str | None, typer.Option(help="An entity id, or a name (the most mentioned match).")]


def _with_store(db: str | None, work: Callable[[Engine], Any]) -> Any:
    from newsgraph.store.db import open_store

    engine = open_store(db or Settings().db)
    try:
        return work(engine)
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


def _create(
    db: str | None,
    build: Callable[[Connection], dict[str, Any]],
    name: str | None,
    webhook: str | None,
    author: str | None,
) -> None:
    from pydantic import ValidationError

    from newsgraph.store.watches.manage import create_watch
    from newsgraph.store.watches.spec import WatchIn

    def work(engine: Engine) -> tuple[WatchPublic, str]:
        with engine.connect() as conn:
            query = build(conn)
        try:
            watch = WatchIn.model_validate(
                {"query": query, "name": name, "webhook": webhook, "author": author or getpass.getuser()}
            )
        except ValidationError as exc:
            errors = "; ".join(
                f"{'.'.join(map(str, e['loc'][1:])) or 'query'}: {e['msg']}" for e in exc.errors()
            )
            raise InputError(errors) from None
        return create_watch(engine, watch)

    watch, secret = _with_store(db, work)
    console.print(f"watch {watch.id} stored: {escape(watch.description)}", highlight=False)
    console.print(f"feed: {watch.feed} (page: {watch.feed.removesuffix('.atom')})", highlight=False)
    if watch.webhook is not None:
        console.print(f"webhook secret (shown once; it signs every delivery): {secret}", highlight=False)


@add.command("quote")
def add_quote(
    speaker: Annotated[str, typer.Option(help="The speaker: an entity id or name.")],
    words: Annotated[
        str | None, typer.Option(help='Only quotes matching these words ("a phrase", OR, -word).')
    ] = None,
    name: Name = None,
    webhook: Webhook = None,
    author: Author = None,
    db: Db = None,
) -> None:
    """New quotes by a speaker, optionally only those with some words."""
    _create(
        db,
        lambda c: {"kind": "quote", "speaker": _entity(c, speaker, "speaker"), "words": words},
        name,
        webhook,
        author,
    )


@add.command("number")
def add_number(
    words: Annotated[str | None, typer.Option(help="Words in the number's sentence.")] = None,
    unit: Annotated[str | None, typer.Option(help='What it counts ("prisoners", "dollars").')] = None,
    claimant: Entity = None,
    name: Name = None,
    webhook: Webhook = None,
    author: Author = None,
    db: Db = None,
) -> None:
    """New numbers about some words, of a unit, and/or claimed by an entity."""

    def build(conn: Connection) -> dict[str, Any]:
        return {
            "kind": "number",
            "words": words,
            "unit": unit,
            "claimant": _entity(conn, claimant, "claimant"),
        }

    _create(db, build, name, webhook, author)


@add.command("event")
def add_event(
    type_: Annotated[str | None, typer.Option("--type", help="A PLOVER type (CONSULT, ASSAULT, …).")] = None,
    source: Entity = None,
    target: Entity = None,
    either_way: Annotated[
        bool, typer.Option("--either-way", help="Source and target may be swapped.")
    ] = False,
    place: Annotated[str | None, typer.Option(help="A place's name, as geocoded (Doha).")] = None,
    country: Annotated[str | None, typer.Option(help="A country code (QA).")] = None,
    name: Name = None,
    webhook: Webhook = None,
    author: Author = None,
    db: Db = None,
) -> None:
    """New events of a type, between actors (either side optional), or in a place."""

    def build(conn: Connection) -> dict[str, Any]:
        return {
            "kind": "event",
            "type": type_.upper() if type_ else None,
            "source": _entity(conn, source, "source"),
            "target": _entity(conn, target, "target"),
            "either_way": either_way,
            "place": place,
            "country": country.upper() if country else None,
        }

    _create(db, build, name, webhook, author)


@add.command("entities")
def add_entities(
    entities: Annotated[list[str], typer.Argument(help="Entity ids or names; all must be mentioned.")],
    name: Name = None,
    webhook: Webhook = None,
    author: Author = None,
    db: Db = None,
) -> None:
    """New articles that mention all of these entities."""

    def build(conn: Connection) -> dict[str, Any]:
        return {"kind": "entities", "entities": [_entity(conn, e, "entity") for e in entities]}

    _create(db, build, name, webhook, author)


@add.command("story")
def add_story(
    story: Annotated[int, typer.Argument(help="A story id.")],
    name: Name = None,
    webhook: Webhook = None,
    author: Author = None,
    db: Db = None,
) -> None:
    """New articles in a story."""
    _create(db, lambda _c: {"kind": "story", "story": story}, name, webhook, author)


@add.command("search")
def add_search(
    query: Annotated[str, typer.Argument(help='Words, "a phrase", OR, -word, word*.')],
    quotes: Annotated[bool, typer.Option("--quotes", help="Match quotes instead of articles.")] = False,
    source: Annotated[str | None, typer.Option(help="Only articles of this source.")] = None,
    name: Name = None,
    webhook: Webhook = None,
    author: Author = None,
    db: Db = None,
) -> None:
    """A saved full-text search: new articles (or quotes) that match it."""
    scope = "quotes" if quotes else "articles"
    _create(
        db,
        lambda _c: {"kind": "search", "query": query, "scope": scope, "source": source},
        name,
        webhook,
        author,
    )


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

    watches = _with_store(db, read)
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

    _with_store(db, lambda e: delete_watch(e, watch_id))
    console.print(f"watch {watch_id} deleted")


@app.command("resume")
def resume_command(watch_id: Annotated[int, typer.Argument()], db: Db = None) -> None:
    """Resume a paused webhook: its waiting deliveries are sent, oldest first."""
    from newsgraph.store.watches.manage import resume_watch

    watch = _with_store(db, lambda e: resume_watch(e, watch_id))
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
        report = _with_store(db, lambda e: run_worker(e, settings, once=once, poll=poll))
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

    text = _with_store(db, read)
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

    sys.stdout.buffer.write(_with_store(db, read))
    sys.stdout.flush()


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="watch")
