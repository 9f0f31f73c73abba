"""Read plain text, JSONL, HTML, WARC and directories of them into `RawArticle`s.

Files are decoded by `sources.decode` (every encoding scraped files come in; line ends normalized
to "\\n"); a UTF-8 BOM opening a JSONL file is skipped. Offsets in an Analysis's `removed` point
into the text after this decoding. `readable_files` is the one directory walk: ingest, its
progress count and the batch driver all read a directory as `read_path` does.
"""

from __future__ import annotations

import glob
import gzip
import logging
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import Any, BinaryIO, cast

import orjson

from newsgraph.errors import DecodeError
from newsgraph.sources.base import RawArticle, Rejected, SourceItem
from newsgraph.sources.decode import UTF8_BOM, decode_bytes, normalize_newlines
from newsgraph.sources.html import extract_html
from newsgraph.sources.warc import is_warc, read_warc

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
COMPRESSED_JSONL_SUFFIXES = (".jsonl.gz", ".ndjson.gz")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
OPTIONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date", "publish_date", "published_at", "publication_date", "pubdate"),
    "source": ("source", "publisher", "media_name"),
}
"""Each optional article field and the record keys it is read from, the first non-blank one winning:
the project's own name first, then the names common corpora use for it (PolNeAR and the CC-News
dumps write `date` / `publisher`, Media Cloud `publish_date` / `media_name`, RSS-derived dumps `link`,
`pubdate`, many scrapers `published_at` or `headline`)."""


def _read_decoded(path: Path) -> tuple[str, str] | Rejected:
    """Return (text, encoding) of a file, or the Rejected saying why it cannot be read."""
    try:
        return decode_bytes(path.read_bytes())
    except OSError as exc:
        return Rejected(str(path), f"cannot read file: {exc.strerror or exc}")
    except DecodeError as exc:
        return Rejected(str(path), str(exc))


def read_text_file(path: Path) -> Iterator[SourceItem]:
    """Yield the one article in a plain-text file, or why it could not be read."""
    origin = str(path)
    decoded = _read_decoded(path)
    if isinstance(decoded, Rejected):
        yield decoded
        return
    text, encoding = decoded
    if encoding not in {"utf-8", "utf-8-sig"}:
        LOGGER.info("%s: decoded as %s", origin, encoding)
    if not text.strip():
        yield Rejected(origin, "empty file")
        return
    yield RawArticle(text=text, id=path.stem, origin=origin)


def read_html_file(path: Path) -> Iterator[SourceItem]:
    """Yield the article extracted from an HTML page (trafilatura), or why there is none."""
    decoded = _read_decoded(path)
    if isinstance(decoded, Rejected):
        yield decoded
        return
    yield extract_html(decoded[0], origin=str(path), id=path.stem)


def parse_jsonl_record(line: bytes | str, origin: str) -> SourceItem:
    """Turn one JSONL line into a RawArticle, or a Rejected saying what is wrong with it."""
    try:
        record: Any = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return Rejected(origin, f"invalid JSON: {exc.msg}")
    if not isinstance(record, dict):
        return Rejected(origin, f"expected a JSON object, got {type(record).__name__}")
    rid = record.get("id")
    rid = str(rid) if isinstance(rid, str | int) and not isinstance(rid, bool) else None
    meta: dict[str, str | None] = {}
    for name, keys in OPTIONAL_FIELDS.items():
        values = (record.get(key) for key in keys)
        meta[name] = next((v for v in values if isinstance(v, str) and v.strip()), None)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        authors = _authors(record.get("author") or record.get("authors"))
        return RawArticle(
            text=normalize_newlines(text),
            id=rid,
            url=meta["url"],
            title=meta["title"],
            published=meta["published"],
            source=meta["source"],
            authors=authors,
            origin=origin,
        )
    if isinstance(html, str) and html.strip():
        item = extract_html(html, origin=origin, id=rid)
        if isinstance(item, RawArticle):
            for name, value in meta.items():
                if value is not None:
                    setattr(item, name, value)
            if meta["published"] is not None:
                item.published_source = None  # the record states it
        return item
    if "text" not in record and "html" not in record:
        return Rejected(origin, "no `text` or `html` field", id=rid)
    return Rejected(origin, "empty `text`/`html`", id=rid)


def _authors(value: Any) -> list[str]:
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    if isinstance(value, list):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return []


def is_jsonl(path: PurePath) -> bool:
    """Return True for a JSONL file name, gzip-compressed or not (`.jsonl`, `.ndjson`, `.jsonl.gz`)."""
    return path.suffix.lower() in JSONL_SUFFIXES or path.name.lower().endswith(COMPRESSED_JSONL_SUFFIXES)


def open_jsonl(path: Path) -> BinaryIO:
    """Open a JSONL file for reading bytes, decompressing a `.gz` one on the fly."""
    if path.name.lower().endswith(".gz"):
        return cast(BinaryIO, gzip.open(path, "rb"))
    return path.open("rb")


BROKEN_GZIP = (OSError, EOFError, zlib.error)
"""What reading a corrupt or truncated gzip file raises."""


def read_jsonl(path: Path) -> Iterator[SourceItem]:
    """Yield one item per non-blank line of a JSONL file (gzip-compressed or not); bad lines become Rejected.

    A corrupt or truncated `.gz` file ends with a Rejected after every line read before the damage.
    """
    try:
        handle = open_jsonl(path)
    except OSError as exc:
        yield Rejected(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    number = 0
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if number == 1:
                    line = line.removeprefix(UTF8_BOM)
                if not line.strip():
                    continue
                yield parse_jsonl_record(line, f"{path}:{number}")
        except BROKEN_GZIP as exc:
            yield Rejected(f"{path}:{number + 1}", f"damaged compressed file: {exc}")


def read_stdin(data: bytes, *, as_jsonl: bool = False) -> Iterator[SourceItem]:
    """Yield articles from bytes read on standard input (one text, or JSONL)."""
    if as_jsonl:
        for number, line in enumerate(data.removeprefix(UTF8_BOM).splitlines(), start=1):
            if line.strip():
                yield parse_jsonl_record(line, f"<stdin>:{number}")
        return
    try:
        text, _ = decode_bytes(data)
    except DecodeError as exc:
        yield Rejected("<stdin>", str(exc))
        return
    if not text.strip():
        yield Rejected("<stdin>", "empty input")
        return
    yield RawArticle(text=text, origin="<stdin>")


def is_readable(path: PurePath) -> bool:
    """Return True for a file kind `read_path` reads in a directory (text, JSONL, HTML, WARC), not hidden."""
    if path.name.startswith("."):
        return False
    return _suffix(path) in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES or is_warc(path) or is_jsonl(path)


def readable_files(directory: Path) -> list[Path]:
    """Return the files of a directory, recursively, that `read_path` reads, in sorted order."""
    return sorted(p for p in directory.rglob("*") if p.is_file() and is_readable(p))


def read_path(path: Path) -> Iterator[SourceItem]:
    """Yield the articles of one file, by its suffix; a directory is read recursively."""
    if path.is_dir():
        for child in readable_files(path):
            yield from read_path(child)
        return
    if not path.exists():
        yield Rejected(str(path), "no such file or directory")
        return
    suffix = _suffix(path)
    if is_warc(path):
        yield from read_warc(path)
    elif is_jsonl(path):
        yield from read_jsonl(path)
    elif suffix in HTML_SUFFIXES:
        yield from read_html_file(path)
    else:
        yield from read_text_file(path)


def _suffix(path: PurePath) -> str:
    return path.suffix.lower()


def expand_pattern(path: Path) -> list[Path] | None:
    """Return the sorted matches of a glob pattern (`*`, `?`, `[`, `**`), or None if `path` is no pattern.

    An existing file whose name contains those characters is taken literally.
    """
    text = str(path)
    if not any(c in text for c in "*?[") or path.exists():
        return None
    return [Path(p) for p in sorted(glob.glob(text, recursive=True)) if not Path(p).name.startswith(".")]


def read_paths(paths: Iterable[Path]) -> Iterator[SourceItem]:
    """Yield the articles of every path in order; a glob pattern reads each match in sorted order."""
    for path in paths:
        matches = expand_pattern(path)
        if matches is None:
            yield from read_path(path)
        elif not matches:
            yield Rejected(str(path), "no file matches this pattern")
        else:
            for match in matches:
                yield from read_path(match)
