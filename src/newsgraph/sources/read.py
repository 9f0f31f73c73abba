"""Read plain text, JSONL, HTML and directories of them into `RawArticle`s.

Decoding is careful because scraped files come in every encoding: UTF-8 (with or without a
BOM; stray legacy bytes in UTF-8 text are read as Windows-1252), UTF-16 with a BOM, and legacy
encodings: Windows-1252 (which decodes any byte) for Latin-script text, charset-normalizer's
guess for text that is plainly not Latin (Cyrillic, Greek, CJK …). A UTF-8 BOM opening a JSONL
file is skipped. Line ends are normalized to "\\n".
Offsets in an Analysis's `removed` point into the text after this decoding.
"""

from __future__ import annotations

import codecs
import glob
import gzip
import logging
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

import orjson

from newsgraph.errors import DecodeError
from newsgraph.sources.base import RawArticle, Rejected, SourceItem

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
COMPRESSED_JSONL_SUFFIXES = (".jsonl.gz", ".ndjson.gz")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
OPTIONAL_FIELDS = ("url", "title", "published", "source")
_UTF8_BOM = b"\xef\xbb\xbf"


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding used).

    Raises:
        DecodeError: when the data is binary (NUL bytes outside a UTF-16 file).
    """
    if data.startswith(_UTF8_BOM):
        return _normalize_newlines(data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _normalize_newlines(data.decode("utf-16", errors="replace")), "utf-16"
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_mixed(data) or _decode_legacy(data)
    if "\x00" in text:
        raise DecodeError("binary data (NUL bytes), not text")
    return _normalize_newlines(text), encoding


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes a UTF-8 decoder rejected as Windows-1252 (a codecs error handler)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("newsgraph-cp1252", _cp1252_bytes)


def _decode_mixed(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-8 text with a few stray legacy bytes (pasted "smart quotes"), else None.

    When valid multi-byte UTF-8 characters clearly outnumber the invalid bytes, the file is
    UTF-8 and only the invalid bytes are read as Windows-1252; otherwise it is a legacy file.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    if good < 2 * bad:
        return None
    return data.decode("utf-8", errors="newsgraph-cp1252"), "utf-8+cp1252"


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Decode a legacy single- or multi-byte file: Windows-1252 unless it is plainly not Latin.

    Read as Windows-1252, Western European text has few accented letters; Cyrillic, Greek,
    Arabic or CJK bytes turn almost every letter into one ("Ð¿Ñ€Ð¸"). Only then is the encoding
    detected (charset-normalizer): for short Latin texts the detector guesses wildly (Central
    European, even Urdu code pages for "Crème brûlée").
    """
    text = data.decode("cp1252", errors="replace")
    sample = text[:200_000]
    letters = sum(1 for ch in sample if ch.isalpha())
    ascii_letters = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    if letters == 0 or (letters - ascii_letters) < 0.5 * letters:
        return text, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding not in {"utf_8", "ascii"}:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return text, "cp1252"


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path: Path) -> Iterator[SourceItem]:
    """Yield the one article in a plain-text file, or why it could not be read."""
    origin = str(path)
    try:
        text, encoding = decode_bytes(path.read_bytes())
    except OSError as exc:
        yield Rejected(origin, f"cannot read file: {exc.strerror or exc}")
        return
    except DecodeError as exc:
        yield Rejected(origin, str(exc))
        return
    if encoding not in {"utf-8", "utf-8-sig"}:
        LOGGER.info("%s: decoded as %s", origin, encoding)
    if not text.strip():
        yield Rejected(origin, "empty file")
        return
    yield RawArticle(text=text, id=path.stem, origin=origin)


def read_html_file(path: Path) -> Iterator[SourceItem]:
    """Yield the article extracted from an HTML page (trafilatura), or why there is none."""
    from newsgraph.sources.html import extract_html

    origin = str(path)
    try:
        html, _ = decode_bytes(path.read_bytes())
    except OSError as exc:
        yield Rejected(origin, f"cannot read file: {exc.strerror or exc}")
        return
    except DecodeError as exc:
        yield Rejected(origin, str(exc))
        return
    yield extract_html(html, origin=origin, id=path.stem)


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
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        meta[name] = value if isinstance(value, str) and value.strip() else None
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        authors = _authors(record.get("author") or record.get("authors"))
        return RawArticle(
            text=_normalize_newlines(text),
            id=rid,
            url=meta["url"],
            title=meta["title"],
            published=meta["published"],
            source=meta["source"],
            authors=authors,
            origin=origin,
        )
    if isinstance(html, str) and html.strip():
        from newsgraph.sources.html import extract_html

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


def is_jsonl(path: Path) -> bool:
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
                    line = line.removeprefix(_UTF8_BOM)
                if not line.strip():
                    continue
                yield parse_jsonl_record(line, f"{path}:{number}")
        except BROKEN_GZIP as exc:
            yield Rejected(f"{path}:{number + 1}", f"damaged compressed file: {exc}")


def read_stdin(data: bytes, *, as_jsonl: bool = False) -> Iterator[SourceItem]:
    """Yield articles from bytes read on standard input (one text, or JSONL)."""
    if as_jsonl:
        for number, line in enumerate(data.removeprefix(_UTF8_BOM).splitlines(), start=1):
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


def read_path(path: Path) -> Iterator[SourceItem]:
    """Yield the articles of one file, by its suffix; a directory is read recursively."""
    from newsgraph.sources.warc import is_warc, read_warc

    if path.is_dir():
        children = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        for child in children:
            if (
                _suffix(child) in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
                or is_warc(child)
                or is_jsonl(child)
            ):
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


def _suffix(path: Path) -> str:
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
