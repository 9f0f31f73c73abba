"""`newsgraph search`: full-text search over stored articles, quotes and numbers."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.markup import escape

from newsgraph.errors import InputError
from newsgraph.settings import Settings

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported when the command runs, not with the CLI
    from newsgraph.store.paging import Page
    from newsgraph.store.search import Snippet


def search_command(
    query: Annotated[
        str | None,
        typer.Argument(help='Words, "phrases", OR, -word. Optional with --quotes/--speaker.'),
    ] = None,
    quotes: Annotated[bool, typer.Option("--quotes", help="Search quotes instead of articles.")] = False,
    numbers: Annotated[
        bool, typer.Option("--numbers", help='Search numbers ("prisoners", "dollars").')
    ] = False,
    speaker: Annotated[str | None, typer.Option(help="Only quotes by this speaker (name or alias).")] = None,
    entity: Annotated[str | None, typer.Option(help="Only articles that mention this entity.")] = None,
    source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY[-MM[-DD]]).")] = None,
    event_type: Annotated[
        str | None, typer.Option(help="Only articles reporting this PLOVER event type.")
    ] = None,
    order: Annotated[
        str | None,
        typer.Option(help="relevance or newest (default: relevance for articles, newest for quotes)."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Hits per page.")] = 20,
    cursor: Annotated[
        str | None, typer.Option(help="Continue after a previous page (its next cursor).")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the hits as JSON.")] = False,
    db: Annotated[str | None, typer.Option(help="Database URL (default: NEWSGRAPH_DB).")] = None,
) -> None:
    """Search stored articles (default), quotes (--quotes, or any --speaker) or numbers (--numbers)."""
    from newsgraph.store.db import open_store
    from newsgraph.store.queries import to_jsonable
    from newsgraph.store.search import Filters, search_articles, search_quantities, search_quotes

    filters = Filters(
        source=source, since=since, until=until, entity=entity, speaker=speaker, event_type=event_type
    )
    query = query.strip() if query and query.strip() else None
    if order not in (None, "relevance", "newest"):
        raise InputError(f"unknown order {order!r}: use relevance or newest")
    engine = open_store(db or Settings().db)
    page: Page[Any]
    try:
        with engine.connect() as conn:
            if numbers:
                if query is None:
                    raise InputError("--numbers needs a QUERY (what is counted, e.g. 'prisoners')")
                page = search_quantities(conn, query, filters, limit=limit, cursor=cursor)
            elif quotes or (speaker and query is None):
                page = search_quotes(
                    conn,
                    query,
                    filters,
                    order="relevance" if order == "relevance" else "newest",
                    limit=limit,
                    cursor=cursor,
                )
            else:
                if query is None:
                    raise InputError("give a QUERY, or --quotes/--speaker to list quotes")
                page = search_articles(
                    conn,
                    query,
                    filters,
                    order="newest" if order == "newest" else "relevance",
                    limit=limit,
                    cursor=cursor,
                )
    finally:
        engine.dispose()
    if json_out:
        payload = {"items": to_jsonable(page.items), "next_cursor": page.next_cursor}
        sys.stdout.buffer.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2) + b"\n")
        sys.stdout.flush()
        return
    print_hits(page, Console())


def _marked(snippet: Snippet) -> str:
    return "".join(
        f"[bold yellow]{escape(p)}[/bold yellow]" if hit else escape(p) for p, hit in snippet.parts
    )


def _where(source: str | None, published: str | None, article_id: int) -> str:
    bits = [b for b in (source, (published or "")[:10]) if b]
    return escape(", ".join(bits) + (" · " if bits else "") + f"article {article_id}")


def print_hits(page: Page[Any], console: Console) -> None:
    """Print a page of hits, matches highlighted."""
    from newsgraph.store.search import ArticleHit, QuantityHit, QuoteHit

    if not page.items:
        console.print("no matches")
        return
    for hit in page.items:
        if isinstance(hit, QuoteHit):
            who = escape(hit.speaker_name or hit.speaker_text or "unknown speaker")
            where = _where(hit.source, hit.published, hit.article_id)
            console.print(f"“{_marked(hit.snippet)}”\n   — [bold]{who}[/bold] ({where})")
        elif isinstance(hit, QuantityHit):
            who = f" — claimed by [bold]{escape(hit.claimant_name)}[/bold]" if hit.claimant_name else ""
            console.print(
                f"{_marked(hit.snippet)}\n   {who} ({_where(hit.source, hit.published, hit.article_id)})"
            )
        elif isinstance(hit, ArticleHit):
            title = escape(hit.title or "(untitled)")
            console.print(f"[bold]{title}[/bold] ({_where(hit.source, hit.published, hit.id)})")
            console.print(f"   {_marked(hit.snippet)}")
    if page.next_cursor:
        console.print(f"[dim]more: --cursor {page.next_cursor}[/dim]")


def register(app: typer.Typer) -> None:
    app.command("search")(search_command)
