"""newsgraph: turn news articles into structured, evidence-linked facts.

    >>> from newsgraph import analyze
    >>> analysis = analyze(text, published="2021-07-18")
    >>> [(q.speaker_text, q.text) for q in analysis.quotes]

`analyze` is imported on first use, so `import newsgraph` stays cheap for code that only reads
stored analyses (spaCy loads when the first article is analyzed).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from newsgraph.models import SCHEMA_VERSION, Analysis

if TYPE_CHECKING:
    from newsgraph.extract.pipeline import analyze

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Analysis", "__version__", "analyze"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    if name == "analyze":
        from newsgraph.extract.pipeline import analyze

        return analyze
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
