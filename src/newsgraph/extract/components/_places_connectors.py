"""Grow a toponym across a lower-case connector into a longer place name the gazetteer holds.

The tagger often stops a name at its connector: "Rio Grande" of "Rio Grande do Sul", "Jammu" of
"Jammu and Kashmir", "Davao" of "Davao del Sur". The whole name is one place when the gazetteer
holds it; the connector is any short lower-case word, since only the gazetteer's own names join.
"""

from __future__ import annotations

import re

from newsgraph.extract.components._gazetteer import ADMIN1, ADMIN2, COUNTRY, Gazetteer, Match
from newsgraph.extract.components._places_toponym import Toponym

_NAME = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"
_AFTER = re.compile(rf" ([a-z]{{1,4}}) ({_NAME})")  # "Jammu" + " and Kashmir"
_BEFORE = re.compile(rf"(?<![\w'’.-])({_NAME}) ([a-z]{{1,4}}) $")  # "Rio Grande do " + "Sul"
_DIVISIONS = (COUNTRY, ADMIN1, ADMIN2)  # an alternate name is trusted for these ("Rio Grande do Sul")


def _whole(g: Gazetteer, name: str) -> list[Match]:
    return [
        m for m in g.lookup(name, suffixes=False) if m.how != "alternate" or m.entry.feature in _DIVISIONS
    ]


def grow_over_connector(g: Gazetteer, text: str, t: Toponym) -> None:
    """Grow `t` over a connector and the capitalised words after (or before) it, taking the longest
    name the gazetteer holds; not back into a building's name ("University of Texas")."""
    if t.source == "facility":
        return
    after = _AFTER.match(text, t.end)
    if after is not None:
        words = after.group(2).split(" ")
        for n in range(len(words), 0, -1):
            end = after.start(2) + len(" ".join(words[:n]))
            if matches := _whole(g, text[t.start : end]):
                t.end, t.text, t.matches, t.entry = end, text[t.start : end], matches, None
                break
    before = _BEFORE.search(text, max(0, t.start - 60), t.start)
    if before is None:
        return
    words = before.group(1).split(" ")
    for n in range(len(words), 0, -1):
        start = before.end(1) - len(" ".join(words[-n:]))
        if words[-n] in g.facility_heads or words[-n] in g.weak_facility_heads:
            continue
        if matches := _whole(g, text[start : t.end]):
            t.start, t.text, t.matches, t.entry = start, text[start : t.end], matches, None
            return
