"""`newsgraph serve`: the web UI and JSON API on one store."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.extras import require
from newsgraph.settings import Settings


def serve(
    db: Annotated[
        str | None, typer.Option(help="Database URL (default: NEWSGRAPH_DB or sqlite:///newsgraph.db).")
    ] = None,
    host: Annotated[str | None, typer.Option(help="Address to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Server processes.")] = 1,
    cors: Annotated[
        list[str] | None,
        typer.Option(
            "--cors",
            metavar="ORIGIN",
            help="Let pages of this origin call the API from a browser (repeat for more; '*' for any).",
        ),
    ] = None,
) -> None:
    """Serve the web UI and the JSON API (read-only unless NEWSGRAPH_API_TOKEN is set)."""
    import json
    import os

    require("server", "`newsgraph serve`")

    import uvicorn

    from newsgraph.app import create_app

    changes: dict[str, object] = {
        k: v for k, v in (("db", db), ("host", host), ("port", port)) if v is not None
    }
    if cors:
        changes["cors_origins"] = tuple(cors)
    settings = Settings().model_copy(update=changes)
    app = create_app(settings)  # opens and migrates the store once, here, before any worker starts
    database = app.state.engine.url.render_as_string()
    typer.echo(f"newsgraph: http://{settings.host}:{settings.port}/ (database {database})", err=True)
    if workers == 1:
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False)
        return
    # several processes: each builds its own app from the same settings, passed down in the environment
    app.state.engine.dispose()
    os.environ["NEWSGRAPH_DB"] = settings.db
    os.environ["NEWSGRAPH_CORS_ORIGINS"] = json.dumps(list(settings.cors_origins))
    from uvicorn.supervisors import Multiprocess

    from newsgraph.api.server import TcpConfig

    config = TcpConfig(
        "newsgraph.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )
    Multiprocess(config, sockets=[config.bind_socket()]).run()


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
