"""Boilerplate removal for plain text scraped from news pages.

(Interface in place; the pattern-driven implementation lands with the cleaning work.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.models import Removed


@dataclass(slots=True)
class Cleaned:
    """The article body left after cleaning, and what was cut from the raw text."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None


def clean_text(raw: str) -> Cleaned:
    """Return the article body of `raw` with boilerplate removed and reported."""
    return Cleaned(text=raw.strip())
