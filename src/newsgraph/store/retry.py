"""Retry a store transaction through a lost connection; turn a full disk into a clear error.

    outcomes = with_retry(lambda: writer.write(batch), what="storing 64 articles")

A write batch is one transaction and the writer is idempotent (content hashes), so running it
again after a failure is safe: if the first attempt did not commit, nothing of it is stored;
if it committed and only the answer was lost, the second attempt finds its articles stored.

Transient failures, retried with exponential backoff and jitter:
- the connection was lost or refused (PostgreSQL restarted, failed over or shutting down,
  the network dropped): SQLAlchemy marks these `connection_invalidated`; the server's "admin
  shutdown", "cannot connect now" and serialization or deadlock SQLSTATEs;
- SQLite's "database is locked"/"busy" that outlasted the busy timeout.

A full disk (SQLite's SQLITE_FULL "database or disk is full", PostgreSQL's SQLSTATE 53100
"could not extend file … No space left on device", or ENOSPC/EFBIG from the OS) is not
transient: it raises `StoreFull` at once, whose message says that the failed transaction was
rolled back, the database is intact, and the run resumes after space is freed.
"""

from __future__ import annotations

import errno
import logging
import random
import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, OperationalError

from newsgraph.errors import StoreFull, StoreUnavailable

LOGGER = logging.getLogger(__name__)

T = TypeVar("T")

ATTEMPTS = 10
BASE_DELAY = 0.25
MAX_DELAY = 8.0
"""Backoff: 0.25 s, 0.5 s, 1 s … capped at 8 s, ±25% jitter; ten attempts wait about 40 s in all."""

# PostgreSQL SQLSTATEs worth another try: serialization failure, deadlock, admin/crash shutdown,
# cannot connect now (starting up or shutting down), connection exceptions (class 08).
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "57P01", "57P02", "57P03"})
_DISK_FULL_SQLSTATES = frozenset({"53100"})
_TRANSIENT_MESSAGES = (
    "database is locked",
    "database is busy",
    "database table is locked",
    "server closed the connection",
    "connection refused",
    "terminating connection",
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is in recovery mode",
    "consuming input failed",
    "connection is lost",
    "connection is closed",
    "ssl connection has been closed",
    "could not receive data",
    "could not send data",
)
_DISK_FULL_MESSAGES = ("database or disk is full", "no space left on device", "disk quota exceeded")


def _sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return state if isinstance(state, str) else None


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else (current.__cause__ or current.__context__)
    return seen


def is_disk_full(exc: BaseException) -> bool:
    """Return True when the error means the disk (or the database's size limit) is full."""
    for item in _chain(exc):
        if _sqlstate(item) in _DISK_FULL_SQLSTATES:
            return True
        if isinstance(item, sqlite3.Error) and getattr(item, "sqlite_errorname", "") == "SQLITE_FULL":
            return True
        if isinstance(item, OSError) and item.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return True
        if any(m in str(item).lower() for m in _DISK_FULL_MESSAGES):
            return True
    return False


def is_transient(exc: BaseException) -> bool:
    """Return True when running the same transaction again may succeed."""
    if is_disk_full(exc):
        return False
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    state = _sqlstate(exc)
    if state is not None and (state in _TRANSIENT_SQLSTATES or state.startswith("08")):
        return True
    if isinstance(exc, OperationalError | DBAPIError) or any(
        isinstance(item, sqlite3.OperationalError | ConnectionError) for item in _chain(exc)
    ):
        text = " ".join(str(item) for item in _chain(exc)).lower()
        return any(m in text for m in _TRANSIENT_MESSAGES)
    return False


def backoff(attempt: int, *, base: float = BASE_DELAY, cap: float = MAX_DELAY) -> float:
    """Return the delay before retry number `attempt` (1-based): exponential, capped, ±25% jitter."""
    delay = min(cap, base * 2.0 ** (attempt - 1))
    return delay * random.uniform(0.75, 1.25)


def with_retry(
    run: Callable[[], T],
    *,
    what: str = "database transaction",
    attempts: int = ATTEMPTS,
    base: float = BASE_DELAY,
    cap: float = MAX_DELAY,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run `run()` (one whole transaction); run it again after a transient failure.

    Raises:
        StoreFull: the disk is full (not retried).
        StoreUnavailable: still failing after `attempts` tries.
        Exception: any other error, unchanged (a bug or bad data is not retried).
    """
    for attempt in range(1, attempts + 1):
        try:
            return run()
        except Exception as exc:
            if is_disk_full(exc):
                raise StoreFull(
                    f"{what} failed: the database's disk is full ({_summary(exc)}). The transaction "
                    "was rolled back and everything stored before it is intact; free some space and "
                    "run the same command again to resume where it stopped."
                ) from exc
            if not is_transient(exc):
                raise
            if attempt == attempts:
                raise StoreUnavailable(
                    f"{what} failed {attempts} times; the database is unavailable ({_summary(exc)}). "
                    "Nothing of the failed transaction was stored; run the same command again to resume."
                ) from exc
            delay = backoff(attempt, base=base, cap=cap)
            LOGGER.warning(
                "%s failed (%s); retry %d of %d in %.1f s", what, _summary(exc), attempt, attempts - 1, delay
            )
            sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover


def _summary(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
