"""What a draft event shows of itself to the finders that complete its sides after drafting.

`_drafting.Draft` has these fields; the finders (`_ended_fights`, `_acted_on`) read them through this
protocol so that they need not import the drafting module that calls them.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from newsgraph.extract.components.events._actors import Actor


class DraftView(Protocol):
    """A draft event's type, trigger token and resolved sides."""

    type: str
    tok: Token
    sources: list[Actor]
    targets: list[Actor]
