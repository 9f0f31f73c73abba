"""The webhook queue: claim the deliveries that are due, record what became of them.

    for delivery in claim_due(engine, now=time.time(), lease=60.0):
        ... POST it ...
        mark_sent(engine, delivery)            # or: mark_failed(engine, delivery, reason, ...)

A delivery is one match of a watch that has a webhook, written by the ingest's own transaction
(`match.py`). Each watch's deliveries are sent one at a time in id order: only the oldest
pending delivery of a watch is ever claimed, and only when it is due, no other worker holds
it, and the watch's webhook is not paused. Claiming sets a lease (a time until which the
claimer holds it); a worker killed mid-delivery leaves the lease to run out, and the delivery
is then claimed again and sent again with the same idempotency key (at least once). A failure
pushes the delivery's next attempt back exponentially; `max_failures` failures in a row pause
the watch's webhook (`resume_watch` restarts it, the backlog first).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, and_, func, or_, select, update

from newsgraph.store import schema as s
from newsgraph.store.db import write_connection
from newsgraph.store.types import now_text
from newsgraph.store.watches.manage import describe
from newsgraph.store.watches.spec import parse_query


@dataclass(frozen=True, slots=True)
class Delivery:
    """A claimed delivery: the match it sends, its watch's webhook, its attempt number."""

    id: int
    watch_id: int
    watch_name: str
    watch_kind: str
    url: str
    secret: str
    attempt: int
    entry_id: str

    @property
    def key(self) -> str:
        """The idempotency key: the same on every attempt (the entry's uuid)."""
        return self.entry_id.removeprefix("urn:uuid:")


def _heads(conn: Connection, now: float, limit: int) -> list[int]:
    """The oldest pending delivery of each active watch, when due and not leased."""
    d, w = s.watch_deliveries.c, s.watches.c
    oldest = (
        select(d.watch_id, func.min(d.id).label("id"))
        .where(d.status == "pending")
        .group_by(d.watch_id)
        .subquery()
    )
    rows = conn.execute(
        select(oldest.c.id)
        .select_from(
            oldest.join(s.watch_deliveries, d.id == oldest.c.id).join(s.watches, w.id == oldest.c.watch_id)
        )
        .where(
            w.paused.is_(None),
            w.webhook_url.is_not(None),
            d.due <= now,
            or_(d.lease.is_(None), d.lease < now),
        )
        .order_by(oldest.c.id)
        .limit(limit)
    )
    return [r.id for r in rows]


def claim_due(engine: Engine, *, now: float, lease: float, limit: int = 16) -> list[Delivery]:
    """Claim up to `limit` due deliveries, one per watch (see the module docstring)."""
    d, w, m = s.watch_deliveries.c, s.watches.c, s.watch_matches.c
    with write_connection(engine) as conn, conn.begin():
        claimed = []
        for delivery_id in _heads(conn, now, limit):
            done = conn.execute(
                update(s.watch_deliveries)
                .where(d.id == delivery_id, d.status == "pending", or_(d.lease.is_(None), d.lease < now))
                .values(lease=now + lease)
            )
            if done.rowcount == 1:
                claimed.append(delivery_id)
        if not claimed:
            return []
        rows = conn.execute(
            select(d.id, d.watch_id, d.attempts, w.name, w.query, w.kind, w.webhook_url, w.secret, m.entry_id)
            .select_from(
                s.watch_deliveries.join(s.watches, w.id == d.watch_id).join(s.watch_matches, m.id == d.id)
            )
            .where(d.id.in_(claimed))
            .order_by(d.id)
        )
        return [
            Delivery(
                r.id,
                r.watch_id,
                r.name or describe(conn, parse_query(r.query)),
                r.kind,
                r.webhook_url,
                r.secret,
                r.attempts + 1,
                r.entry_id,
            )
            for r in rows
        ]


def mark_sent(engine: Engine, delivery: Delivery) -> None:
    """Record a delivery the endpoint accepted; the watch's failure count starts again."""
    d, w = s.watch_deliveries.c, s.watches.c
    with write_connection(engine) as conn, conn.begin():
        conn.execute(
            update(s.watch_deliveries)
            .where(d.id == delivery.id)
            .values(status="sent", sent=now_text(), attempts=delivery.attempt, lease=None, last_error=None)
        )
        conn.execute(update(s.watches).where(w.id == delivery.watch_id).values(failures=0, last_error=None))


def mark_failed(
    engine: Engine,
    delivery: Delivery,
    error: str,
    *,
    now: float,
    backoff: float,
    backoff_max: float,
    max_failures: int,
) -> bool:
    """Record a failed attempt: retry after `backoff * 2**(attempt-1)` seconds (at most
    `backoff_max`); pause the watch's webhook after `max_failures` failures in a row.

    Returns:
        True when this failure paused the webhook.
    """
    d, w = s.watch_deliveries.c, s.watches.c
    wait = min(backoff_max, backoff * 2 ** (delivery.attempt - 1))
    error = error[:2000]
    with write_connection(engine) as conn, conn.begin():
        conn.execute(
            update(s.watch_deliveries)
            .where(d.id == delivery.id)
            .values(attempts=delivery.attempt, due=now + wait, lease=None, last_error=error)
        )
        conn.execute(
            update(s.watches)
            .where(w.id == delivery.watch_id)
            .values(failures=w.failures + 1, last_error=error)
        )
        paused = conn.execute(
            update(s.watches)
            .where(and_(w.id == delivery.watch_id, w.failures >= max_failures, w.paused.is_(None)))
            .values(paused=now_text())
        )
        return bool(paused.rowcount)
