"""A name shared by a US state and a city or a country, said with the state's offices, votes or seats.

US political news names a state by the offices, votes and seats that belong to it: "New York
governor", "the New York primary.", "New York's April 19 primary", "New York's 22nd
congressional district", "Sen. Chuck Schumer of New York", "a Democrat from New York", "the
Democratic primary in New York", "New York, a state that she hoped to carry". Said so, "New
York", "Washington" or "Georgia" is the state, not the city or the country of that name. The
words are data (`places_names.json`): `state_offices` (offices, bodies, parties and votes of a
state, right after the name or before "of" and it), `state_votes` (a state's primaries and
caucuses, also after the name's possessive and a few words, or before "in" and the name) and
`state_members` (one person holding a state's seat or standing for its party in it, before
"from" and the name). A city's own offices ("mayor", "city council") are in none of them.
"""

from __future__ import annotations

import re
from functools import cache

from newsgraph.extract.lexicons import load_json

_SEAT = r"['’]s \d+(?:st|nd|rd|th) (?:[A-Za-z]+ )?[Dd]istrict\b"
"""A state's numbered district: "Florida's 18th district", "New York's 22nd congressional district"."""
_A_STATE = r",? (?:a|the) state(?![\w'’])"
"""An apposition naming a state: "New York, a state that …"; not "…, the state's biggest city"."""


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns(votes_before: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Return the pattern of a state's word right after a name and that of one right before it."""
    data = load_json("places_names.json")
    offices, votes = _alternation(data["state_offices"]), _alternation(data["state_votes"])
    members = _alternation(data["state_members"])
    after = re.compile(
        rf"(?:['’]s)? (?i:{offices})(?!\w|\.\w)"  # "New York governor", "the New York primary."
        rf"|['’]s(?: [\w-]+){{0,3}} (?i:{votes})(?!\w)"  # "New York's April 19 primary"
        rf"|{_SEAT}|{_A_STATE}"
    )
    before = re.compile(
        rf"(?<![\w.])(?:(?i:{offices})(?: [A-Z][\w.'’-]*){{0,4}},? of"  # "Sen. Chuck Schumer of"
        rf"|(?i:{members})(?: [A-Z][\w.'’-]*){{0,4}},? from"  # "a Democrat from"
        + (rf"|(?i:{votes}) in" if votes_before else "")  # "the Democratic primary in"
        + ") $"
    )
    return after, before


def names_a_state_office(text: str, start: int, end: int, *, capital: bool = False) -> bool:
    """Tell whether the name at `text[start:end]` is said with an office, vote or seat of its state.

    A vote before the name does not make the nation's capital's name the state (`capital`): the
    District of Columbia holds its own primary ("the nation's last presidential primary in
    Washington on Tuesday"); its other words do ("a senator from Washington").
    """
    after, before = _patterns(not capital)
    return after.match(text, end) is not None or before.search(text, max(0, start - 60), start) is not None
