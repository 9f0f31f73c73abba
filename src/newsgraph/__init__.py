"""newsgraph: turn news articles into structured, evidence-linked facts.

    >>> from newsgraph import analyze
    >>> analysis = analyze(text, published="2021-07-18")
    >>> [q.text for q in analysis.quotes]
"""

import logging

from newsgraph.extract.pipeline import analyze
from newsgraph.models import SCHEMA_VERSION, Analysis

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Analysis", "__version__", "analyze"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
