"""A toponym inside the name of a body named after a place: "the Bank of Canada", "the Swiss National Bank".

"The Bank of Canada", "the Swiss National Bank", "the Maharashtra Pollution Control Board", "the
Tourism Authority of Thailand", "the U.S. Department of Agriculture": the place name is part of a
body's name, as news geoparsing sets annotate it (GeoWebNews: "Central Bank of Malta", "Montana
Department of Corrections", "the Venice Commission" are embedded non-literal toponyms); it says
which country or state the body serves, not where anything of the story happens. The body's name
is the organisation the tagger finds around the toponym; the toponym is in it when a word of the
name after it is an office's head, last or before "of" or "for" ("Swiss National Bank", "U.S.
Department of Agriculture", "U.S. Agency for International Development"), or when the name (or
the text right before the toponym) has such a head, or a newspaper's or company's, before "of"
("the Bank of Canada", "the Health Ministry of Uganda", "the Communications Workers of America").
The heads are data (`places_names.json`: `office_heads`, and `not_place_heads` before "of"); a
country's armed forces and commands are such bodies ("the U.S. Air Force", "the Mexican Army", "U.S.
Central Command"), and so are a body's committees and centers ("the U.S. Centers for Disease Control
and Prevention", "the American Israel Public Affairs Committee"), and so are institutes, academies
and broadcasters ("the Singapore Institute of International Affairs", "the Brooklyn Academy of Music",
"France Television"; `institution_name_heads`); an office's head before
"on" counts as before "of" ("the European Council on Foreign Relations").
Not a building's or a town's own name: "the Barangays of Santa Maria", "the Norfolk Assembly
Plant" have no such head. So with a body's branch, edition or service for a place, named by the
body's name and the place's ("Ford Australia", "UNHCR Kenya", "VOA Somali", "GM Europe"; GeoWebNews:
"HSBC Malta", "DeSmog Canada"), where the tagger calls the whole an organisation and the body's
name alone is another organisation's name in the article ("Ford", "UNHCR") or ends with a
body's head ("Asia Society Texas", "the Asia Foundation Nepal"): not "Western
Balkans", "Upper Manhattan", "Sub-Saharan Africa", whose first words name no organisation.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache

from newsgraph.extract.components._places_toponym import Toponym, head_word
from newsgraph.extract.lexicons import load_json

_LINKS = frozenset({"of", "for", "on"})


@cache
def office_heads() -> frozenset[str]:
    """Return the capitalized heads of the names of offices, agencies, boards and banks."""
    return frozenset(load_json("places_names.json")["office_heads"])


@cache
def institution_name_heads() -> frozenset[str]:
    """Return the capitalized heads of the names of institutes, academies and broadcasters ("the
    Singapore Institute of International Affairs", "France Television")."""
    return frozenset(load_json("places_names.json")["institution_name_heads"])


@cache
def _head_of_before() -> re.Pattern[str]:
    """Return the pattern of an office's head and "of" ("Bank of ", "Ministry of the ")."""
    heads = "|".join(re.escape(h) for h in sorted(office_heads(), key=len, reverse=True))
    return re.compile(rf"(?<![\w.'’-])(?:{heads}) of (?:the )?$")


def _head_after(words: list[str], heads: frozenset[str]) -> bool:
    """Tell whether the words after a toponym in a name hold an office's head that ends the name or
    comes before "of", "for" or "on" ("National Bank", "Department of Agriculture", "Council on
    Foreign Relations")."""
    for i, word in enumerate(words):
        if head_word(word) in heads and (i == len(words) - 1 or words[i + 1] in _LINKS):
            return True
    return False


def _head_of(words: list[str], heads: Collection[str]) -> bool:
    """Tell whether the words before a toponym in a name hold a head right before "of" ("Bank of",
    "Health Ministry of", "Workers of")."""
    return any(words[i + 1] == "of" and head_word(w) in heads for i, w in enumerate(words[:-1]))


def _bare(name: str) -> str:
    """A name without "the" before it or a possessive after it ("the UNHCR's": "UNHCR")."""
    return name.strip().removeprefix("the ").removeprefix("The ").removesuffix("'s").removesuffix("’s")


def _a_branch(text: str, t: Toponym, orgs: Sequence[tuple[int, int]], heads: Collection[str]) -> bool:
    """Tell whether a toponym ends an organisation's name right after another organisation's name
    of the article ("Ford Australia" where the article names "Ford") or a name that ends with a
    body's head ("Asia Society Texas")."""
    ending = [(s, e) for s, e in orgs if s < t.start and t.end == e]
    if not ending:
        return False  # the common case, decided before the names are read
    names = {_bare(text[s:e]) for s, e in orgs}
    bodies = [body for s, _e in ending if (body := _bare(text[s : t.start]))]
    return any(body in names or head_word(body.split()[-1]) in heads for body in bodies)


def in_an_office_name(
    text: str, t: Toponym, orgs: Sequence[tuple[int, int]], name_heads: frozenset[str]
) -> bool:
    """Tell whether a toponym sits in the name of a body named after a place (module docstring)."""
    if _head_of_before().search(text, max(0, t.start - 30), t.start) is not None:
        return True  # "the Bank of Canada", even where the tagger finds no organisation
    inside = [(s, e) for s, e in orgs if s <= t.start and t.end <= e and (s, e) != (t.start, t.end)]
    if not inside:
        return False  # the common case: no organisation's name around the toponym
    heads = office_heads() | institution_name_heads()
    before_of = heads | name_heads
    for s, e in inside:
        if _head_after(text[t.end : e].split(), heads) or _head_of(text[s : t.start].split(), before_of):
            return True
    return _a_branch(text, t, orgs, before_of)
