"""The digest: every watch's new matches over a period, as Markdown or JSON for a cron job to send.

    digest = build_digest(conn, since=since_time("24h"))
    print(digest_markdown(digest))

It prints or mails nothing by itself. Watches without matches in the period are left out;
webhooks that are paused are listed first, with their last error, so the reader of the digest
learns that an endpoint stopped taking deliveries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import orjson
from sqlalchemy import Connection

from newsgraph.errors import InputError
from newsgraph.store.types import instant_text
from newsgraph.store.watches.entries import Entry, entries_since
from newsgraph.store.watches.manage import list_watches
from newsgraph.store.watches.spec import WatchPublic

_AGO = re.compile(r"^(\d+)\s*([mhdw])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def since_time(value: str, now: datetime | None = None) -> str:
    """Return a period's start as stored match times are: `24h`, `7d`, `30m`, `2w` ago, or an
    ISO date or UTC time (`2026-12-01`, `2026-12-01T08:00`, `2026-12-01T08:00:00Z`).

    Raises:
        InputError: neither.
    """
    value = value.strip()
    now = now or datetime.now(UTC)
    if m := _AGO.match(value):
        return instant_text(now - timedelta(**{_UNITS[m.group(2)]: int(m.group(1))}))
    try:
        return instant_text(datetime.fromisoformat(value.removesuffix("Z")))
    except ValueError:
        raise InputError(f"--since {value!r}: give 24h, 7d, 30m, 2w or an ISO date or time (UTC)") from None


@dataclass(frozen=True, slots=True)
class WatchDigest:
    """One watch and its entries of the period, oldest first."""

    watch: WatchPublic
    entries: list[Entry]


@dataclass(frozen=True, slots=True)
class Digest:
    """The matches of a period, by watch, and the webhooks that are paused."""

    since: str
    until: str | None
    watches: list[WatchDigest]
    paused: list[WatchPublic] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Entries in the digest."""
        return sum(len(w.entries) for w in self.watches)


def build_digest(
    conn: Connection, since: str, until: str | None = None, watch_ids: list[int] | None = None
) -> Digest:
    """Collect the entries matched in [since, until) of every watch (or of these)."""
    watches = [w for w in list_watches(conn) if watch_ids is None or w.id in watch_ids]
    by_watch: dict[int, list[Entry]] = {}
    for entry in entries_since(conn, since, until):
        by_watch.setdefault(entry.watch_id, []).append(entry)
    return Digest(
        since,
        until,
        [WatchDigest(w, by_watch[w.id]) for w in watches if w.id in by_watch],
        [w for w in watches if w.webhook is not None and w.webhook.paused],
    )


def _md(text: str | None) -> str:
    """Scraped text made inert in Markdown: one line, its markup characters escaped."""
    return _MARKDOWN.sub(r"\\\1", " ".join((text or "").split()))


def digest_markdown(digest: Digest, *, base: str = "") -> str:
    """Render the digest as Markdown; links to articles and feeds start with `base` (a URL)."""
    period = f"since {digest.since}" + (f" until {digest.until}" if digest.until else "")
    lines = [
        f"# newsgraph watches: {digest.count} new {'match' if digest.count == 1 else 'matches'} {period}",
        "",
    ]
    for w in digest.paused:
        assert w.webhook is not None
        lines.append(
            f"> **Paused webhook** of watch {w.id} ({_md(w.name)}) since {w.webhook.paused} after "
            f"{w.webhook.failures} failures: {_md(w.webhook.last_error)}; "
            f"{w.webhook.pending} deliveries wait. Resume it with `newsgraph watch resume {w.id}`."
        )
        lines.append("")
    for item in digest.watches:
        w = item.watch
        lines += [
            f"## {_md(w.name)} ({len(item.entries)})",
            "",
            f"{_md(w.description)} · [feed]({base}{w.feed})",
            "",
        ]
        for e in item.entries:
            where = " · ".join(_md(x) for x in (e.source, e.published) if x)
            lines.append(
                f"- {_md(e.title)} — [{_md(e.article_title) or 'article'}]({base}/articles/{e.article_id})"
            )
            if where:
                lines.append(f"  {where}")
        lines.append("")
    if not digest.watches:
        lines += ["No new matches.", ""]
    return "\n".join(lines)


def digest_json(digest: Digest) -> bytes:
    """Render the digest as JSON: period, paused webhooks, and each watch with its entries."""
    return orjson.dumps(
        {
            "since": digest.since,
            "until": digest.until,
            "count": digest.count,
            "paused": [w.model_dump(mode="json") for w in digest.paused],
            "watches": [
                {"watch": item.watch.model_dump(mode="json"), "entries": item.entries}
                for item in digest.watches
            ],
        },
        option=orjson.OPT_INDENT_2,
    )
