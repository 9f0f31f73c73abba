"""Answers worked out once per token of a doc: a method of one token whose answer reads only the parse
(and the lexicons) gives the same answer at every ask, and the stages ask again for the same heads.

`per_doc` keeps a method's answers by token index for the doc of the last ask and starts afresh when a
token of another doc is asked about, so no answer outlives its doc. Only for answers callers never
change (a tuple, a number)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from spacy.tokens import Token

_R = TypeVar("_R")


def per_doc(method: Callable[[Any, Token], _R]) -> Callable[[Any, Token], _R]:
    """Keep a one-token method's answers per doc (see the module docstring)."""
    attr = f"_per_doc_{method.__name__}"

    @wraps(method)
    def kept(self: Any, tok: Token) -> _R:
        doc = tok.doc
        memo: tuple[object, dict[int, _R]] | None = self.__dict__.get(attr)
        if memo is None or memo[0] is not doc:
            memo = self.__dict__[attr] = (doc, {})
        found = memo[1].get(tok.i)
        if found is None:
            found = memo[1][tok.i] = method(self, tok)
        return found

    return kept
