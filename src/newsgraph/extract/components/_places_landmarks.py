"""A town's name that starts a landmark's name: "the Temple Mount", "Waltham Forest".

A capitalized word naming a natural feature or a landmark right after a town's name makes the two
one name of that feature ("the Temple Mount" in Jerusalem, the London borough of "Waltham
Forest"), and the town of the first word alone (Temple, Texas; Waltham, Massachusetts) is no
evidence of where the feature is. The resolver keeps such a reading only where it rests on more
than the name (`ToponymResolver._drop_first_names`). The heads are data (`places_names.json`,
`landmark_heads`).
"""

from __future__ import annotations

import re
from functools import cache

from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.lexicons import load_json


@cache
def _head_after() -> re.Pattern[str]:
    """Return the pattern of a landmark's head right after a name (" Mount", " Forest")."""
    heads = "|".join(re.escape(h) for h in load_json("places_names.json")["landmark_heads"])
    return re.compile(rf" (?:{heads})\b")


def mark_landmark_words(text: str, toponyms: list[Toponym]) -> None:
    """Mark each toponym whose name a landmark's head follows (`Toponym.starts_landmark`)."""
    pattern = _head_after()
    for t in toponyms:
        t.starts_landmark = pattern.match(text, t.end) is not None
