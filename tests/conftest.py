"""Shared fixtures: the pipeline (built once per test session) and the ../shared folder.

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

from newsgraph.models import Analysis
from newsgraph.settings import DEFAULT_COMPONENTS, Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"

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
