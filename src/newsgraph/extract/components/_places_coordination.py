"""Names that share one head across a coordination: "the Indian and Pacific Oceans".

English lets coordinated names share their last word: "the Indian and Pacific Ocean regions" are
the Indian Ocean and the Pacific Ocean, "the East and South China Seas" the East China Sea and
the South China Sea, "the Black, Red and Caspian seas" three seas. Read alone, the first names
are a demonym ("Indian" → India) or nothing, and a plural head hides the last one from the
gazetteer ("South China Seas" → China). Each name takes the shared head; a name the gazetteer
then knows as a sea or ocean is that feature; a demonym before a plural head that it does not
know so is no place (better than the demonym's country); a place's own name ("the Philippines
and South China Sea") is left alone.
"""

from __future__ import annotations

import re

from newsgraph.extract.components._gazetteer import SEA, Gazetteer, Match
from newsgraph.extract.components._places_toponym import Toponym

_SHARED_HEAD = re.compile(
    r"\b((?:[A-Z][a-z]+, )*[A-Z][a-z]+),? (?:and|or) ((?:[A-Z][a-z]+ ){1,2})(Oceans?|Seas?|oceans|seas)\b"
)
"""Names joined by "and"/"or" before a sea's or ocean's head: "Indian and Pacific Ocean",
"East and South China Seas", "Black, Red and Caspian seas"."""


def _seas(g: Gazetteer, name: str) -> list[Match]:
    return [m for m in g.lookup(name, suffixes=False) if m.entry.feature == SEA and m.how != "alternate"]


def share_heads(g: Gazetteer, text: str, found: list[Toponym]) -> list[Toponym]:
    """Return the toponyms with each name of a coordination that shares a sea's head read whole.

    Only where the last name with the head is a sea the gazetteer knows ("Pacific Ocean", "South
    China Sea"), so "European and Persian Gulf allies" or "the Middle Shabelle and Hiran regions"
    are left as they are.
    """
    for shared in _SHARED_HEAD.finditer(text):
        last = shared.group(2).split()
        head = shared.group(3).rstrip("s").capitalize()
        last_seas = _seas(g, " ".join([*last, head]))
        if not last_seas:
            continue
        plural = shared.group(3) != head
        spans: list[tuple[int, int, list[Match]]] = []
        at = shared.start(1)
        for name in shared.group(1).split(", "):
            seas = (
                _seas(g, f"{name} {head}") or (len(last) > 1 and _seas(g, f"{name} {last[-1]} {head}")) or []
            )
            if seas or (plural and g.demonym(name) is not None):  # not "Japan and South China Sea"
                spans.append((at, at + len(name), seas))  # "East" of "East and South China Seas"
            at += len(name) + 2
        if plural:  # "South China Seas" is the South China Sea
            spans.append((shared.start(2), shared.end(3), last_seas))
        for start, end, seas in spans:
            found = [t for t in found if t.end <= start or t.start >= end]
            if seas:
                found.append(Toponym(start, end, text[start:end], "entity", matches=seas))
    return sorted(found, key=lambda t: t.start)
