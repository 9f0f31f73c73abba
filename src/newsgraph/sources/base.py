"""The record readers produce: one article as it came in, before cleaning."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(slots=True)
class RawArticle:
    """One article as read: its text (or HTML already turned into text) and metadata.

    Attributes:
        text: the article text as read (plain text; for HTML inputs, the extracted body).
        id: the input's id (JSONL `id`), or None to use the content hash.
        origin: where it came from, for messages: `path`, `path:line`, `<stdin>`.
        is_extracted: True when `text` came out of an HTML extractor (already free of page
            boilerplate), so plain-text cleaning is skipped.
        published_source: `html` when `published` came from the page's metadata; None when the
            input stated it.
    """

    text: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    origin: str = "<input>"
    is_extracted: bool = False
    published_source: Literal["html"] | None = None


@dataclass(slots=True, frozen=True)
class Rejected:
    """An input that could not be read, with where it came from and why."""

    origin: str
    reason: str
    id: str | None = None


SourceItem = RawArticle | Rejected
