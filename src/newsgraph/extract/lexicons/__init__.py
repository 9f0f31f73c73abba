"""Lexicons and patterns as data files (cue verbs, PLOVER patterns, boilerplate, …)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """Load a JSON lexicon shipped in this package (cached per process)."""
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


@cache
def load_text(name: str) -> str:
    """Load a text lexicon shipped in this package (cached per process)."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
