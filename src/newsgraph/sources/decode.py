"""Bytes to text, carefully: scraped files come in every encoding.

UTF-8 (with or without a BOM; stray legacy bytes in UTF-8 text are read as Windows-1252), UTF-16
with a BOM, and legacy encodings: Windows-1252 (which decodes any byte) for Latin-script text,
charset-normalizer's guess for text that is plainly not Latin (Cyrillic, Greek, CJK …). Line
ends are normalized to "\\n". Every reader (`sources.read`, `sources.warc`) decodes here.
"""

from __future__ import annotations

import codecs

from newsgraph.errors import DecodeError

UTF8_BOM = b"\xef\xbb\xbf"


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding used).

    Raises:
        DecodeError: when the data is binary (NUL bytes outside a UTF-16 file).
    """
    if data.startswith(UTF8_BOM):
        return normalize_newlines(data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return normalize_newlines(data.decode("utf-16", errors="replace")), "utf-16"
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_mixed(data) or _decode_legacy(data)
    if "\x00" in text:
        raise DecodeError("binary data (NUL bytes), not text")
    return normalize_newlines(text), encoding


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


def normalize_newlines(text: str) -> str:
    """Return `text` with Windows and old Mac line ends as "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
