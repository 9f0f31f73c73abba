"""Request dependencies: the settings, a database connection per request, the write token."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import anyio
import anyio.to_thread
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Engine

from newsgraph.api.cache import STATE_KEY
from newsgraph.api.security import token_matches
from newsgraph.settings import Settings
from newsgraph.store.db import data_version


async def get_settings(request: Request) -> Settings:
    """The app's settings (built once by `create_app`)."""
    settings: Settings = request.app.state.settings
    return settings


async def get_engine(request: Request) -> Engine:
    """The app's database engine."""
    engine: Engine = request.app.state.engine
    return engine


async def get_conn(
    request: Request, engine: Annotated[Engine, Depends(get_engine)]
) -> AsyncIterator[Connection]:
    """One connection for the request, returned to the pool afterwards, whatever happens.

    Every query of a request reads one snapshot, so a page built from several queries is never
    torn by an ingest committing in between: SQLite's WAL transactions give that already; on
    PostgreSQL the request's transaction is REPEATABLE READ (read-only, so it never has to retry).

    Checking out and returning the connection are shielded from cancellation: a client that
    disconnects while its request waits for a connection must not leave that connection checked
    out (a sync generator dependency would: FastAPI drops what its `__enter__` returns when the
    request is cancelled meanwhile, and after as many disconnects as the pool holds, the server
    process hangs). Both run outside the thread pool's limit: a request waiting for a connection
    must not hold one of the threads that requests holding connections need to finish (with
    fewer threads than pooled connections, that deadlocked until the pool's timeout).
    """
    with anyio.CancelScope(shield=True):
        conn, version = await anyio.to_thread.run_sync(_connect, engine, limiter=anyio.CapacityLimiter(1))
    try:
        setattr(request.state, STATE_KEY, version)  # the response cache keeps the answer under it
        yield conn
    finally:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(conn.close, limiter=anyio.CapacityLimiter(1))


def _connect(engine: Engine) -> tuple[Connection, int]:
    """Check out a connection and open its snapshot; return it and the data version it reads."""
    conn = engine.connect()
    try:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        return conn, data_version(conn)  # the first read: it fixes the request's snapshot
    except BaseException:
        conn.close()
        raise


BEARER = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="The write token, NEWSGRAPH_API_TOKEN: `Authorization: Bearer <token>`.",
)
"""The document's security scheme of every route that needs the token (writes and watches)."""


async def require_token(
    settings: Annotated[Settings, Depends(get_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)],
) -> None:
    """Allow the request only with `Authorization: Bearer <NEWSGRAPH_API_TOKEN>`."""
    if not settings.api_token:
        raise HTTPException(403, "the API is read-only: set NEWSGRAPH_API_TOKEN to enable writes")
    if credentials is None or not token_matches(credentials.credentials.strip(), settings.api_token):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


SettingsDep = Annotated[Settings, Depends(get_settings)]
ConnDep = Annotated[Connection, Depends(get_conn)]
EngineDep = Annotated[Engine, Depends(get_engine)]
WriteAccess = Depends(require_token)
