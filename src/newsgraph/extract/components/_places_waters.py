"""A sea's, a gulf's or a bay's name is one place: "the Gulf of Guinea", "the Sea of Japan".

English names a body of water by a head word and the name of a land, a town or a people, either
as "Head of X" ("the Gulf of Guinea", "the Bay of Biscay", "the Straits of Florida") or as "X
Head" ("the Irish Sea", "Guantanamo Bay", "the Singapore Strait"). The whole name is one toponym,
the body of water's; the land's name inside it is no mention of that land ("the Sea of Japan" is
no mention of Japan, and its "Gulf" none of the Persian Gulf). The whole name resolves to the body
of water where the gazetteer has it; else it keeps its name and takes a point only from a region
or sea it is named for ("the Caribbean Sea"), or a bay's or lake's from its town ("Guantanamo
Bay"; a sea, a gulf or a strait is too wide for a town's point), never from a country's
or division's centre ("the Gulf of Guinea" lies far from Guinea's), nor from a town merely named
beside it. "X Head" followed by another capitalized word is a longer name ("the Tampa Bay Times",
"the San Francisco Bay Area") and is left to the other stages. The head words are data
(`places_names.json`, `water_heads`).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from newsgraph.extract.components._gazetteer import CITY, REGION, SEA, Gazetteer
from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.extensions import get_entities
from newsgraph.extract.lexicons import load_json

_NAMED_FOR = frozenset({CITY, REGION, SEA})
"""What a body of water takes its point from when the gazetteer lacks it: a bay lies at its town."""
_SMALL = re.compile(r"\b(?:Bay|Lake)\b")
"""The heads of a body of water small enough to lie at the town it is named for ("Guantanamo Bay");
a sea, a gulf or a strait is too wide for a town's point ("the Sea of Azov", "the Strait of Malacca")."""
_NAME = r"(?:St\. )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"
"""The name after "Head of": up to three capitalized words, not past a full stop ("St. Lawrence")."""


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return the patterns of "Head of (the) " before a name, " Head" after one, and a head alone."""
    heads = "|".join(re.escape(h) for h in load_json("places_names.json")["water_heads"])
    before = re.compile(rf"\b(?:{heads}) of (?:the )?$")
    after = re.compile(rf" (?:{heads})\b(?! [A-Z0-9]|-\w)")
    alone = re.compile(rf"(?:{heads})")
    return before, after, alone


def _span(text: str, t: Toponym) -> tuple[int, int] | None:
    """Return the span of the water body's name that holds a toponym, if one does."""
    before, after, alone = _patterns()
    head_of = before.search(text, max(0, t.start - 20), t.start)
    if head_of is not None:
        return head_of.start(), t.end  # "Gulf of Guinea"
    tail = after.match(text, t.end)
    if tail is not None and alone.fullmatch(t.text.rsplit(" ", 1)[-1]) is None:
        return t.start, tail.end()  # "Guantanamo Bay"; not "Bay" + " Bay"
    if alone.fullmatch(t.text) is not None:  # "Bay" of "the Bay of Biscay", tagged apart
        name = re.compile(rf" of (?:the )?{_NAME}\b").match(text, t.end)
        return (t.start, name.end()) if name is not None else None
    if " " in t.text and alone.fullmatch(t.text.rsplit(" ", 1)[-1]) is not None:
        return t.start, t.end  # "Guantanamo Bay", tagged whole
    return None


def _inner(g: Gazetteer, text: str, start: int, end: int) -> Toponym | None:
    """Return the name a body of water is named for, if a town, region or sea ("Guantanamo")."""
    _, after, _ = _patterns()
    name = text[start:end]
    of = re.search(r" of (?:the )?", name)
    if of is not None:
        a = start + of.end()
    elif (tail := after.search(text, start, end)) is not None and tail.end() == end:
        a, end = start, tail.start()
    else:
        return None
    named_for = _NAMED_FOR if _SMALL.search(name) else _NAMED_FOR - {CITY}
    matches = [m for m in g.lookup(text[a:end], suffixes=False) if m.how != "alternate"]
    if not matches or any(m.entry.feature not in named_for for m in matches):
        return None  # "the Gulf of Guinea": Guinea's centre is no point of the gulf
    return Toponym(a, end, text[a:end], "embedded", matches=matches)


def join_water_names(doc: Doc, text: str, g: Gazetteer, toponyms: list[Toponym]) -> list[Toponym]:
    """Make each water body's name one toponym, without the land's name inside it.

    A toponym inside such a name is dropped for the whole name; a toponym that is already the
    whole name and that the gazetteer lacks takes the point of what it is named for.
    """
    spans = {(m.start, m.end): e.id for e in get_entities(doc) for m in e.mentions}
    out: list[Toponym] = []
    taken = -1
    for t in toponyms:
        if t.start < taken:
            continue  # inside the water body's name just made
        span = _span(text, t)
        if span is None or t.source == "facility" or not t.literal:
            out.append(t)
            continue
        start, end = span
        if out and out[-1].start >= start and out[-1].end <= end:
            out.pop()  # "Gulf" of "Gulf of Guinea", found before "Guinea"
        matches = [m for m in g.lookup(text[start:end], suffixes=False) if m.how != "alternate"]
        if (start, end) == (t.start, t.end) and t.matches:
            out.append(t)  # a name the gazetteer has as it is ("Green Bay", "Homa Bay")
            continue
        water = Toponym(start, end, text[start:end], "water", spans.get((start, end)), matches)
        water.inner = None if matches else _inner(g, text, start, end)
        water.after_locative, water.tagged_place = t.after_locative, t.tagged_place
        out.append(water)
        taken = end
    return out
