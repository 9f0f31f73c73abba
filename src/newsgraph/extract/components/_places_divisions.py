"""A name the text calls a province, county or region: "the provinces of Anhui, Guangxi and Hunan".

English names a division with its kind: after it ("Ituri province", "Lake County"), before it
with "of" ("the province of Guangxi"), or once for a whole list ("the provinces of Nyanza, Rift
Valley and Western", "Ohio's Hamilton, Lake and Stark counties"). A division is wider than any
town: a town named beside such a name lies inside it or beside it, and its point is no evidence of
where the division lies (the resolver's `_beside` gives it none). The nouns are data
(`places_names.json`, `division_nouns`).
"""

from __future__ import annotations

import re
from functools import cache

from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.lexicons import load_json

_SEP = r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)"
"""What parts the names of one list: ", ", " and ", ", or "."""
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
"""A capitalized name, a place's or not ("Stark" of "Hamilton, Lake and Stark counties")."""
_LIST_GAP = re.compile(rf"{_SEP}(?:{_NAME}{_SEP})*")


@cache
def _nouns() -> str:
    """Return the division nouns, singular and plural, as one alternation ("province|provinces")."""
    forms: list[str] = []
    for noun in load_json("places_names.json")["division_nouns"]:
        forms += [noun, noun[:-1] + "ies" if noun.endswith("y") else noun + "s"]
    return "|".join(re.escape(f) for f in forms)


def _lists(text: str, toponyms: list[Toponym]) -> list[list[Toponym]]:
    """Return the toponyms grouped into the lists they form in the text (a lone name is a list)."""
    groups: list[list[Toponym]] = []
    for t in sorted(toponyms, key=lambda u: u.start):
        last = groups[-1][-1] if groups else None
        if last is not None and last.end <= t.start and _LIST_GAP.fullmatch(text, last.end, t.start):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def mark_division_names(text: str, toponyms: list[Toponym]) -> None:
    """Mark each toponym the text calls a division (`Toponym.names_division`)."""
    nouns = _nouns()
    after = re.compile(rf"(?:{_SEP}{_NAME})*\s+(?i:{nouns})\b")
    before = re.compile(rf"\b(?i:{nouns})\s+of\s+(?:the\s+)?(?:{_NAME}{_SEP})*$")
    own = re.compile(rf"\s(?:{nouns})$", re.IGNORECASE)
    for group in _lists(text, toponyms):
        first, last = group[0], group[-1]
        called = after.match(text, last.end) or before.search(text, max(0, first.start - 200), first.start)
        for t in group:
            t.names_division = bool(called) or own.search(t.text) is not None
