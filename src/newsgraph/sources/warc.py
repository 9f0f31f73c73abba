"""Read WARC and WARC.gz web archives: each HTML response becomes one article (trafilatura).

Only `response` records with an HTML content type and a 2xx status are read; requests,
metadata, redirects and other media are not articles and are passed over. Each article keeps
the record's target URL. The fetch date (`WARC-Date`) is used as the publication date only when
the page itself states none: it is the latest date the article can have been published, and the
one relative dates ("on Sunday") are best resolved against when the page gives nothing better.

A record that cannot be decoded becomes a `Rejected` naming the file and the record's number
(`file.warc.gz#3`); a corrupt or truncated archive (a cut gzip member, a broken header, a record
shorter than its Content-Length) ends that file with a `Rejected`, after every record read
before the damage.
"""

from __future__ import annotations

import contextlib
import io
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any

from newsgraph.errors import DamagedArchive
from newsgraph.sources.base import RawArticle, Rejected, SourceItem
from newsgraph.sources.decode import decode_bytes, normalize_newlines
from newsgraph.sources.html import extract_html

LOGGER = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: PurePath) -> bool:
    """Return True for a `.warc` or `.warc.gz` file name."""
    name = path.name.lower()
    return name.endswith(WARC_SUFFIXES)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _decode(body: bytes, content_type: str) -> str:
    charset = _charset(content_type)
    if charset:
        try:
            return normalize_newlines(body.decode(charset))
        except (LookupError, UnicodeDecodeError):
            pass
    text, _ = decode_bytes(body)
    return text


WARC_TYPES = frozenset(
    {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}
)


def _check_record(record: Any) -> None:
    """Raise DamagedArchive unless the record has a well-formed WARC header.

    warcio is lenient: garbage parses as an ARC record and a cut header as a record of type
    `res`; both mean the stream cannot be trusted from here on.
    """
    if record.format != "warc":
        raise DamagedArchive(f"not a WARC record (parsed as {record.format!r})")
    if record.rec_type not in WARC_TYPES:
        raise DamagedArchive(f"corrupt record header (type {record.rec_type!r})")
    length = record.rec_headers.get_header("Content-Length")
    if length is None or not length.strip().isdigit():
        raise DamagedArchive("corrupt record header (no Content-Length)")


def _drain(record: Any) -> None:
    """Read what is left of a record; raise DamagedArchive if the archive ends inside it."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    if getattr(stream, "limit", 0) > 0:
        raise DamagedArchive(f"truncated record: {stream.limit} bytes missing")


def _record_item(record: Any, origin: str) -> SourceItem | None:
    http = record.http_headers
    if http is None:
        return None
    content_type = http.get_header("Content-Type") or ""
    if not content_type.lower().startswith(HTML_TYPES):
        return None
    status = (http.get_statuscode() or "").strip()
    if not status.startswith("2"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    fetched = record.rec_headers.get_header("WARC-Date")
    body = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise DamagedArchive(f"truncated record: {record.raw_stream.limit} bytes missing")
    if not body.strip():
        return Rejected(origin, "empty HTML response")
    html = _decode(body, content_type)
    item = extract_html(html, origin=origin, url=url)
    if isinstance(item, RawArticle) and not item.published and fetched:
        item.published = fetched[:10]
    return item


def read_warc(path: Path) -> Iterator[SourceItem]:
    """Yield the articles of the HTML responses in a WARC or WARC.gz file."""
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped, unused-ignore]

    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejected(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        records = ArchiveIterator(handle, no_record_parse=False, ensure_http_headers=False)
        number = 0
        while True:
            try:
                with contextlib.redirect_stderr(io.StringIO()) as noise:  # warcio prints its warnings
                    record = next(records)
                _check_record(record)
            except StopIteration:
                size = path.stat().st_size
                if records.offset < size:  # warcio stops silently on a cut final gzip member
                    reason = (
                        f"truncated or corrupt WARC after record {number}: "
                        f"{size - records.offset} bytes at the end could not be read"
                    )
                    LOGGER.warning("%s: %s", path, reason)
                    yield Rejected(f"{path}#{number + 1}", reason)
                return
            except Exception as exc:  # warcio, gzip and zlib raise many kinds on damaged input
                reason = f"corrupt or truncated WARC after record {number}: {type(exc).__name__}: {exc}"
                LOGGER.warning("%s: %s", path, reason)
                yield Rejected(f"{path}#{number + 1}", reason)
                return
            finally:
                if noise.getvalue().strip():
                    LOGGER.debug("%s: %s", path, noise.getvalue().strip())
            number += 1
            origin = f"{path}#{number}"
            try:
                item = _record_item(record, origin) if record.rec_type == "response" else None
                _drain(record)
            except Exception as exc:  # a damaged record is rejected; a damaged stream ends the file
                truncated = isinstance(exc, zlib.error | EOFError | DamagedArchive)
                kind = "truncated WARC record" if truncated else "unreadable WARC record"
                reason = f"{kind}: {type(exc).__name__}: {exc}"
                LOGGER.warning("%s: %s", origin, reason)
                yield Rejected(origin, reason)
                if truncated:
                    return
                continue
            if item is not None:
                yield item
