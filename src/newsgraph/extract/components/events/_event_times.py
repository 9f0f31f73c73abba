"""An event's time is a point: never a length, a recurrence or an age.

A time name tells when an act happened only if it names a point ("on Monday", "last week", "in
October"). Three kinds of time name do not:

- an age: "a 26-year-old man", "a suspect in his 40s" tell how old someone is;
- a length modifying a noun: "a 30-day ceasefire", "a six-year period", "a 45-minute call";
- a length or a recurrence the times component types DURATION or SET ("for years", "more than 30
  hours", "every month", "the weekly briefing"), unless a word after it counts from another point
  ("a day after the raid", "seven months before he announced": `relative_time_words` in
  `event_rules.json`), which makes it a point.

`is_no_point` reads the first two from the parse, before the times component has run, so the event
takes the next time name of its sentence; `point_time` reads the third once it has (`link_events`) and
gives the event the point of its sentence nearest its trigger instead, if there is one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Span

from newsgraph.extract.lexicons import load_json
from newsgraph.models import Time

_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|century)"
_LENGTH_WORD = re.compile(rf"^[\w.]+(?:-plus)?-{_UNIT}$|^{_UNIT}-long$", re.IGNORECASE)
_AGE_WORD = re.compile(r"^\d0s$|^\w+-years?-old$", re.IGNORECASE)


@cache
def _relative_words() -> frozenset[str]:
    return frozenset(load_json("event_rules.json")["relative_time_words"])


def is_no_point(ent: Span) -> bool:
    """Return True if a DATE/TIME name is an age or a length modifying a noun, no event time."""
    doc = ent.doc
    words = [t.lower_ for t in ent]
    joined = "".join(t.text_with_ws for t in ent).strip().lower().replace(" ", "")
    after = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 1] if ent.start > 0 else None
    if after is not None and after.lower_ == "old":  # "14 years old", "a 14-year-old" split at "old"
        return True
    if _AGE_WORD.match(joined) or (after is not None and after.lower_ in ("-old", "old")):
        return True
    if re.match(r"^\d0s$", words[-1]) and (
        any(t.tag_ == "PRP$" for t in ent) or (before is not None and before.tag_ == "PRP$")
    ):
        return True  # "in his 40s"
    root = ent.root  # "a 30-day ceasefire": a hyphened length before the word it modifies
    modifier = root.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod")
    return bool(_LENGTH_WORD.match(joined)) and modifier and root.head.i >= ent.end


def drops_time(time: Time, text: str) -> bool:
    """Return True if the linked time is a length or a recurrence, not counted from another point."""
    if time.type not in ("DURATION", "SET"):
        return False
    nxt = text[time.end : time.end + 20].split()
    return not (time.type == "DURATION" and nxt and nxt[0].lower().strip(",.") in _relative_words())


def point_time(time: Time, times: Sequence[Time], sent: tuple[int, int], at: int, text: str) -> Time | None:
    """Return the event's time: `time` if a point, else the DATE/TIME of the sentence nearest `at`, if any."""
    if not drops_time(time, text):
        return time
    points = [t for t in times if sent[0] <= t.start < sent[1] and t.type in ("DATE", "TIME")]
    return min(points, key=lambda t: min(abs(t.start - at), abs(t.end - at)), default=None)
