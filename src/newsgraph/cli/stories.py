"""`newsgraph stories …`: list the stories (articles reporting one event), show one with its claim
tables, group a store's articles into stories again."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from newsgraph.settings import Settings

app = typer.Typer(help="List and inspect stories: the articles reporting one event.", no_args_is_help=True)
console = Console()
err = Console(stderr=True)

Db = Annotated[str | None, typer.Option(help="Database URL (default: NEWSGRAPH_DB).")]


@app.command("list")
def list_command(
    db: Db = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="How many, most recent first.")] = 50,
) -> None:
    """List stories, most recent first: id, articles, sources, dates, title."""
    from newsgraph.store.db import open_store
    from newsgraph.store.stories.read import list_stories

    engine = open_store(db or Settings().db)
    try:
        with engine.connect() as conn:
            page = list_stories(conn, limit=limit)
    finally:
        engine.dispose()
    for st in page.items:
        dates = f"{(st.first_published or '?')[:10]}..{(st.last_published or '?')[:10]}"
        console.print(
            f"{st.id:>7}  {st.article_count:>4} art {st.source_count:>3} src  {dates}  "
            f"{escape(st.title or '')}",
            highlight=False,
        )


@app.command("show")
def show_command(story_id: Annotated[int, typer.Argument(help="The story's id.")], db: Db = None) -> None:
    """Show a story: its articles by date and source, and its claim tables (numbers side by side)."""
    from newsgraph.store.db import open_store
    from newsgraph.store.stories.read import get_story

    engine = open_store(db or Settings().db)
    try:
        with engine.connect() as conn:
            record = get_story(conn, story_id)
    finally:
        engine.dispose()
    st = record.summary
    console.print(f"[bold]{escape(st.title or f'story {st.id}')}[/bold]", highlight=False)
    console.print(f"{st.article_count} articles from {st.source_count} sources", highlight=False)
    for a in record.articles:
        console.print(
            f"  {(a.published or 'undated')[:10]}  {escape(a.source or '')}  "
            f"[{a.id}] {escape(a.title or a.doc_id)}",
            highlight=False,
        )
    for table in record.claims:
        flag = "DISAGREE" if table.disagree else "agree"
        console.print(
            f"\n[bold]{escape(table.counted)}[/bold] {escape(table.predicate or '')} ({flag})",
            highlight=False,
        )
        for f in table.figures:
            who = f.claimant_name or "the article"
            console.print(
                f"  {escape(f.text)}  — {escape(who)}, {escape(f.source or '')} "
                f"{(f.published or '')[:10]} [{f.article_id}]",
                highlight=False,
            )


@app.command("rebuild")
def rebuild_command(db: Db = None) -> None:
    """Group every stored article into stories again (once, for a store made before stories existed)."""
    from newsgraph.store.db import open_store
    from newsgraph.store.stories.rebuild import rebuild_stories

    engine = open_store(db or Settings().db)
    try:
        count = rebuild_stories(engine)
    finally:
        engine.dispose()
    err.print(f"{count} stories", highlight=False)


def register(root: typer.Typer) -> None:
    """Add the `stories` command group."""
    root.add_typer(app, name="stories")
