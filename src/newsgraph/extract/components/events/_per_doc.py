"""Answers worked out once per token (or phrase) of a doc: a method whose answer reads only the parse (and
the lexicons) gives the same answer at every ask, and the stages ask again for the same heads.

`per_doc` keeps a method's answers by token index for the doc of the last ask and starts afresh when a
token of another doc is asked about, so no answer outlives its doc; `per_doc_by` does so for a method
of a doc and a thing in it, by a key of the thing that holds all the method reads of it. Only for
answers callers never change (a tuple, a number, a bool)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any, TypeVar

from spacy.tokens import Doc, Token

_R = TypeVar("_R")
_T = TypeVar("_T")


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


def per_doc_by(
    key: Callable[[_T], Hashable],
) -> Callable[[Callable[[Any, Doc, _T], _R]], Callable[[Any, Doc, _T], _R]]:
    """Keep the answers of a method of a doc and a thing in it per doc, by `key(thing)` (see the
    module docstring)."""

    def decorate(method: Callable[[Any, Doc, _T], _R]) -> Callable[[Any, Doc, _T], _R]:
        attr = f"_per_doc_{method.__name__}"

        @wraps(method)
        def kept(self: Any, doc: Doc, thing: _T) -> _R:
            memo: tuple[object, dict[Hashable, _R]] | None = self.__dict__.get(attr)
            if memo is None or memo[0] is not doc:
                memo = self.__dict__[attr] = (doc, {})
            k = key(thing)
            found = memo[1].get(k)
            if found is None:
                found = memo[1][k] = method(self, doc, thing)
            return found

        return kept

    return decorate
