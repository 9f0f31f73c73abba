"""Webhook delivery: POST each match as signed JSON, retry with backoff, pause a failing endpoint.

    report = deliver_due(engine, settings)          # one round: every due delivery, one per watch
    run_worker(engine, settings, stop=event)        # rounds until `stop` is set

Each body is JSON (`payload`): the watch, the delivery (its id, its idempotency key, the attempt)
and the entry (`store.watches.entries.Entry`: the fact, its article, when it matched). Headers:

    Idempotency-Key        the same on every attempt of a delivery: receivers drop repeats
    X-Newsgraph-Timestamp  Unix seconds when this attempt was signed
    X-Newsgraph-Signature  sha256=HEX, HMAC-SHA256 of "TIMESTAMP." + body with the watch's secret

A receiver checks the signature with `verify` (or the same three lines in any language) and
rejects old timestamps. A host that is or resolves to an address off the public internet is
refused at every attempt (`transport`, unless `Settings.watch_private_targets`). Any answer
other than 2xx, a redirect, a refused host, a timeout or a network error is a failure: the
delivery is tried again later (`store.watches.queue.mark_failed`), and the watch's
webhook is paused after `Settings.watch_max_failures` failures in a row, which is logged and shown
by `newsgraph watch list`, the API and the digest. Deliveries are read from the queue table that
ingest fills, never from ingest itself, so a slow or dead endpoint cannot hold up an ingest.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import orjson
from sqlalchemy import Engine

from newsgraph import __version__
from newsgraph.alerts.transport import post
from newsgraph.errors import DeliveryFailed
from newsgraph.settings import Settings
from newsgraph.store.watches.entries import Entry, entries_by_id
from newsgraph.store.watches.queue import Delivery, claim_due, mark_failed, mark_sent

LOGGER = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Newsgraph-Signature"
TIMESTAMP_HEADER = "X-Newsgraph-Timestamp"
THREADS = 4
"""Endpoints posted to at the same time (each watch's deliveries stay in order)."""


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """Return the signature header's value for a body sent at `timestamp`."""
    mac = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(
    secret: str,
    timestamp: str,
    body: bytes,
    signature: str,
    *,
    now: float | None = None,
    tolerance: int = 300,
) -> bool:
    """Return True when `signature` signs `body` at `timestamp` and the timestamp is recent."""
    if not timestamp.isdigit():
        return False
    if abs((time.time() if now is None else now) - int(timestamp)) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, int(timestamp), body), signature)


def payload(delivery: Delivery, entry: Entry) -> bytes:
    """Return the JSON body of one delivery."""
    return orjson.dumps(
        {
            "watch": {"id": delivery.watch_id, "name": delivery.watch_name, "kind": delivery.watch_kind},
            "delivery": {"id": delivery.id, "key": delivery.key, "attempt": delivery.attempt},
            "entry": entry,
        }
    )


Sender = Callable[[str, bytes, dict[str, str], float], None]


@dataclass(slots=True)
class DeliveryReport:
    """What delivery rounds did: deliveries sent, attempts failed, webhooks paused."""

    sent: int = 0
    failed: int = 0
    paused: list[int] | None = None

    def add(self, other: DeliveryReport) -> None:
        """Add another round's counts."""
        self.sent += other.sent
        self.failed += other.failed
        self.paused = [*(self.paused or []), *(other.paused or [])]


def _send(delivery: Delivery, entry: Entry, settings: Settings, sender: Sender) -> str | None:
    """Send one delivery; return None when accepted, else the reason it failed."""
    body = payload(delivery, entry)
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"newsgraph/{__version__}",
        "Idempotency-Key": delivery.key,
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: sign(delivery.secret, timestamp, body),
    }
    try:
        sender(delivery.url, body, headers, settings.watch_timeout)
    except DeliveryFailed as exc:
        return str(exc)
    return None


def deliver_due(engine: Engine, settings: Settings, *, sender: Sender | None = None) -> DeliveryReport:
    """Claim the due deliveries (the oldest of each watch), send them, record the outcomes.

    `sender` POSTs one delivery (default: `transport.post`, private targets as the settings say).
    """
    if sender is None:
        sender = functools.partial(post, allow_private=settings.watch_private_targets)
    report = DeliveryReport(paused=[])
    claimed = claim_due(engine, now=time.time(), lease=settings.watch_lease, limit=THREADS * 4)
    if not claimed:
        return report
    with engine.connect() as conn:
        found = entries_by_id(conn, [d.id for d in claimed])
    claimed = [d for d in claimed if d.id in found]  # a watch deleted meanwhile takes its queue along
    with ThreadPoolExecutor(max_workers=min(THREADS, len(claimed))) as pool:
        outcomes = list(pool.map(lambda d: _send(d, found[d.id], settings, sender), claimed))
    for delivery, error in zip(claimed, outcomes, strict=True):
        if error is None:
            mark_sent(engine, delivery)
            report.sent += 1
            continue
        report.failed += 1
        paused = mark_failed(
            engine,
            delivery,
            error,
            now=time.time(),
            backoff=settings.watch_backoff,
            backoff_max=settings.watch_backoff_max,
            max_failures=settings.watch_max_failures,
        )
        LOGGER.info("watch %d: delivery %d failed (%s)", delivery.watch_id, delivery.id, error)
        if paused:
            assert report.paused is not None
            report.paused.append(delivery.watch_id)
            LOGGER.warning(
                "watch %d: webhook %s paused after %d failures in a row (last: %s); "
                "`newsgraph watch resume %d` sends its backlog again",
                delivery.watch_id,
                delivery.url,
                settings.watch_max_failures,
                error,
                delivery.watch_id,
            )
    return report


def run_worker(
    engine: Engine,
    settings: Settings,
    *,
    stop: threading.Event | None = None,
    once: bool = False,
    poll: float = 2.0,
    sender: Sender | None = None,
) -> DeliveryReport:
    """Deliver round after round until `stop` is set; with `once`, until nothing is due now.

    Waits `poll` seconds between rounds that find nothing due.
    """
    stop = stop or threading.Event()
    total = DeliveryReport(paused=[])
    while not stop.is_set():
        report = deliver_due(engine, settings, sender=sender)
        total.add(report)
        if report.sent or report.failed:
            continue
        if once:
            break
        stop.wait(poll)
    return total
