"""Readers: each turns an input (a file, a line, a record) into `RawArticle`s.

A reader never raises on one bad record: it yields a `Rejected` naming the input and the reason,
and the caller counts it. Readers do no NLP.
"""

from newsgraph.sources.base import RawArticle, Rejected, SourceItem
from newsgraph.sources.read import read_paths, read_stdin

__all__ = ["RawArticle", "Rejected", "SourceItem", "read_paths", "read_stdin"]
