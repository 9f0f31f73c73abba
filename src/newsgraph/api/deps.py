"""Request dependencies: the settings, a database connection per request, the write token."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy import Connection, Engine

from newsgraph.api.security import token_matches
from newsgraph.settings import Settings


def get_settings(request: Request) -> Settings:
    """The app's settings (built once by `create_app`)."""
    settings: Settings = request.app.state.settings
    return settings


def get_engine(request: Request) -> Engine:
    """The app's database engine."""
    engine: Engine = request.app.state.engine
    return engine


def get_conn(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Connection]:
    """One connection for the request, returned to the pool afterwards.

    Every query of a request reads one snapshot, so a page built from several queries is never
    torn by an ingest committing in between: SQLite's WAL transactions give that already; on
    PostgreSQL the request's transaction is REPEATABLE READ (read-only, so it never has to retry).
    """
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        yield conn


def require_token(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> None:
    """Allow the request only with `Authorization: Bearer <NEWSGRAPH_API_TOKEN>`."""
    if not settings.api_token:
        raise HTTPException(403, "the API is read-only: set NEWSGRAPH_API_TOKEN to enable writes")
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token_matches(token.strip(), settings.api_token):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


SettingsDep = Annotated[Settings, Depends(get_settings)]
ConnDep = Annotated[Connection, Depends(get_conn)]
EngineDep = Annotated[Engine, Depends(get_engine)]
WriteAccess = Depends(require_token)
