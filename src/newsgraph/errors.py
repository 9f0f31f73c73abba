"""Errors newsgraph raises on purpose, each with a clear message and an HTTP-style status.

    NewsgraphError                 500
    ├── InputError                 400  bad input: the message names the input and the reason
    │   ├── EmptyArticle                nothing left to analyze after cleaning
    │   ├── ArticleTooLong         413  over NEWSGRAPH_MAX_CHARS
    │   ├── DecodeError                 bytes that are not text in any encoding we accept
    │   ├── DamagedArchive              a WARC record that shows the archive is corrupt or cut
    │   ├── InvalidCursor               a pagination cursor this query did not produce
    │   ├── InvalidParameter       422  a request parameter the API rejects (names it and why)
    │   ├── BatchError                  a batch run that cannot start (no input, unusable output)
    │   └── UnsafeTarget                a webhook URL that reaches a private, loopback, link-local
    │                                   or multicast address
    ├── ExtractionError            500  a component raised on an article (the message names it)
    ├── ConfigError                500  a setting or model that cannot be used
    │   ├── MissingExtra                an optional dependency group is not installed
    │   └── UnsupportedPattern          a matcher rule the attribute ruler's look-up tables cannot
    │                                   read (spaCy's own matcher then runs that ruler)
    ├── StoreUnavailable           503  the database cannot be reached, even after retries
    ├── StoreFull                  507  the database's disk is full (the transaction rolled back)
    ├── DeliveryFailed             502  a webhook endpoint did not accept a watch's delivery
    └── NotFound                   404  something asked for does not exist

Every class newsgraph raises on purpose is in this tree and defined here. The CLI prints the
message on one line and exits 1; the API turns them into one JSON shape.

Failure policy: a component raises on a bug, never returns an empty result instead. One boundary
per article (`newsgraph.extract.pipeline.analyze_stream`, which the CLI, ingest and both batch
engines go through) turns an article's exception into a rejected article with its reason
(`sources.base.Rejected`: the input's origin and why); with `Settings.strict` (the tests) it
re-raises instead. `watchdog.ArticleTimeout` stays outside the tree on purpose: it is a
BaseException, so no `except Exception` can swallow a runaway article's time limit.
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


class DecodeError(InputError):
    """Bytes that are not text in any encoding we accept."""


class DamagedArchive(InputError):
    """A record that shows the archive is corrupt or truncated; the rest of the file is unreadable."""


class InvalidCursor(InputError):
    """A pagination cursor that this query did not produce."""


class InvalidParameter(InputError):
    """A request parameter outside what the API accepts, found after FastAPI's own validation
    (a page size over the server's limit, a query too long for it): a 422 like the others."""

    status = 422

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"invalid request: {name}: {message}")
        self.name = name
        self.reason = message


class BatchError(InputError):
    """A batch run that cannot start: no inputs, an unusable output directory or engine."""


class UnsafeTarget(InputError):
    """A webhook URL whose host is or resolves to an address that is not on the public internet
    (private, loopback, link-local, multicast, reserved), while such targets are not allowed."""


class ExtractionError(NewsgraphError):
    """A component of the pipeline raised on an article; the message names the component."""


class ConfigError(NewsgraphError):
    """A setting or a model that cannot be used."""


class MissingExtra(ConfigError):
    """A feature needs an optional dependency group (`pip install 'newsgraph[EXTRA]'`) not installed."""


class UnsupportedPattern(ConfigError):
    """A matcher rule `extract.attribute_ruler` cannot look up; spaCy's own matcher runs the ruler."""


class StoreUnavailable(NewsgraphError):
    """The database could not be reached or kept failing after every retry."""

    status = 503


class StoreFull(NewsgraphError):
    """The database's disk (or its size limit) is full; the failed transaction was rolled back."""

    status = 507


class DeliveryFailed(NewsgraphError):
    """A webhook endpoint did not accept a delivery (the message says how: HTTP status, timeout)."""

    status = 502


class NotFound(NewsgraphError):
    """Something asked for does not exist."""

    status = 404
