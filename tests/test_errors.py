"""The error tree: every error newsgraph raises on purpose is defined in `newsgraph.errors`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import newsgraph
from newsgraph import errors
from newsgraph.watchdog import ArticleTimeout

OUTSIDE_THE_TREE = {ArticleTimeout}
"""A BaseException on purpose: no `except Exception` may swallow an article's time limit."""


def _all_modules() -> list[str]:
    return [
        m.name for m in pkgutil.walk_packages(newsgraph.__path__, "newsgraph.") if ".migrations" not in m.name
    ]


def test_errors_every_exception_class_is_in_the_tree() -> None:
    strays = []
    for name in _all_modules():
        module = importlib.import_module(name)
        for cls_name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != name or cls_name.startswith("_") or cls in OUTSIDE_THE_TREE:
                continue
            if issubclass(cls, BaseException) and name != "newsgraph.errors":
                strays.append(f"{name}.{cls_name}")
    assert strays == [], "define errors in newsgraph/errors.py, under NewsgraphError"


def test_errors_tree_in_the_docstring_lists_every_class() -> None:
    defined = {
        name
        for name, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.NewsgraphError) and cls.__module__ == "newsgraph.errors"
    }
    drawn = set(re.findall(r"[─└├]── (\w+)", errors.__doc__ or "")) | {"NewsgraphError"}
    assert drawn == defined


def test_errors_statuses_are_http_statuses() -> None:
    for cls in (errors.NewsgraphError, *_subclasses(errors.NewsgraphError)):
        assert 400 <= cls.status < 600, cls


def _subclasses(cls: type) -> list[type]:
    return [c for sub in cls.__subclasses__() for c in (sub, *_subclasses(sub))]
