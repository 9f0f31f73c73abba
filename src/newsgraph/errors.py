"""Errors newsgraph raises on purpose, each with a clear message and an HTTP-style status.

    NewsgraphError
    ├── InputError            bad input: unreadable file, malformed line, empty or oversized article
    │   ├── EmptyArticle
    │   └── ArticleTooLong
    ├── ExtractionError       the NLP pipeline failed on an article
    ├── ConfigError           a setting or model that cannot be used
    └── NotFound              something asked for does not exist

The CLI prints the message on one line and exits 1; the API turns them into one JSON shape.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of all newsgraph errors."""

    status: int = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(NewsgraphError):
    """An input that cannot be analyzed: the message names the input and the reason."""

    status = 400


class EmptyArticle(InputError):
    """The article has no text left to analyze."""


class ArticleTooLong(InputError):
    """The article exceeds `Settings.max_chars`."""

    status = 413


class ExtractionError(NewsgraphError):
    """The pipeline failed on an article."""


class ConfigError(NewsgraphError):
    """A setting or a model that cannot be used."""


class NotFound(NewsgraphError):
    """Something asked for does not exist."""

    status = 404
