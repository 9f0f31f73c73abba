"""Shared fixtures: the pipeline (built once per test session), the ../shared folder, and the
sample store the API, web and app tests read (`engine`).

The suite runs in strict mode (`NEWSGRAPH_STRICT=1`, set before any Settings is built, and
inherited by the CLI subprocesses tests start): a component or reader that raises fails the test
instead of becoming a rejected article. Tests of the rejection path build `Settings(strict=False)`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy import Engine

from newsgraph.extract.pipeline import analyze_stream
from newsgraph.models import Analysis
from newsgraph.settings import DEFAULT_COMPONENTS, Settings
from newsgraph.sources.base import RawArticle
from newsgraph.sources.read import read_jsonl
from newsgraph.store.db import open_store
from newsgraph.store.writer import store_analyses
from tests.support.paths import SAMPLES, SHARED

os.environ["NEWSGRAPH_STRICT"] = "1"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder with real articles and gold sets; skips the test when absent."""
    if not (SHARED / "DESIGN.md").is_file():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def settings() -> Settings:
    """Settings with every registered newsgraph component."""
    import newsgraph.extract.components  # noqa: F401  (registers the factories)

    return Settings(components=tuple(c for c in DEFAULT_COMPONENTS if Language.has_factory(c)))


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Language:
    """The full pipeline, loaded once for the whole test session."""
    from newsgraph.extract.pipeline import get_nlp

    return get_nlp(settings)


@pytest.fixture(scope="session")
def analyze_text(settings: Settings, nlp: Language) -> Callable[..., Analysis]:
    """Analyze a text with the session's pipeline: analyze_text(text, published=None, clean=True)."""
    from newsgraph.extract.pipeline import analyze

    def run(text: str, published: str | None = None, *, clean: bool = True) -> Analysis:
        return analyze(text, published=published, settings=settings.model_copy(update={"clean": clean}))

    return run


HOSTILE = (
    "Mayor Jane Roe said on Monday that the <script>alert('xss')</script> council would meet again.\n"
    "“We will not accept <img src=x onerror=alert(2)> this budget,” Roe told reporters in Leeds.\n"
    'The opposition leader, Tom Poe, said the plan was "<a href=javascript:alert(3)>reckless</a>".\n'
)


@pytest.fixture(scope="module")
def engine(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """A SQLite store with the three sample articles and one carrying script payloads."""
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'api.db'}"
    items: list[RawArticle] = [r for r in read_jsonl(SAMPLES / "articles.jsonl") if isinstance(r, RawArticle)]
    items.append(
        RawArticle(
            text=HOSTILE,
            id="hostile",
            title="<b>Council</b> row",
            published="2024-06-01",
            source="Leeds <Post>",
        )
    )
    analyses = [a for a in analyze_stream(items, settings=settings) if isinstance(a, Analysis)]
    assert len(analyses) == 4
    engine = open_store(url)
    store_analyses(engine, analyses)
    return engine
