"""A demonym that starts an animal's common name: "Egyptian fruit bats", "a dead wild Canadian Goose".

Many animals' common names start with a demonym or a continent's adjective ("the Egyptian fruit
bat", "the African clawed frog", "the Australian black swan", "the Canada or Canadian goose"): the
word names the species, which lives in zoos, caves and ponds far from that country ("a dead
Australian black swan at the Dresden Zoo"), not a place of the story. Such a name is the demonym
followed either by the animal's noun capitalized as part of the name ("Canadian Goose") or by one
or two lower-case words that qualify the animal ("fruit bat", "clawed frog", "black swan"); a
demonym right before a plain animal noun says where the animals are from ("Philippine monkeys",
"Canadian cows") and stays the country. As with a place name inside an organisation's name, the
demonym is kept as a toponym with its point, but is no place of the story (`Toponym.literal`
false). The animal nouns are data (`places_names.json`, `animal_nouns`).
"""

from __future__ import annotations

import re
from functools import cache

from newsgraph.extract.components._gazetteer import Gazetteer
from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.lexicons import load_json

_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)
"""Words that end the name: "Ugandan caves with bats" is no animal's name."""


@cache
def _animal_after() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Return the patterns of an animal's name right after a demonym: a capitalized noun
    (" Goose"), and one or two lower-case qualifiers before a noun (" fruit bats")."""
    animals = sorted(load_json("places_names.json")["animal_nouns"], key=len, reverse=True)
    nouns = "|".join(re.escape(n) for n in animals)
    capitalized = "|".join(re.escape(n.capitalize()) for n in animals)
    named = re.compile(rf" (?:{capitalized})s?\b")
    qualified = re.compile(rf" ((?:[a-z][a-z-]* ){{1,2}})(?:{nouns})s?\b")
    return named, qualified


def names_a_species(text: str, g: Gazetteer, t: Toponym) -> bool:
    """Tell whether a demonym starts an animal's common name (see the module docstring)."""
    if g.demonym(t.text) is None:
        return False
    named, qualified = _animal_after()
    if named.match(text, t.end) is not None:
        return True
    found = qualified.match(text, t.end)
    return found is not None and not _FUNCTION_WORDS.intersection(found.group(1).split())


def mark_species_names(text: str, g: Gazetteer, toponyms: list[Toponym]) -> None:
    """Take the demonyms that start an animal's common name for no place of the story."""
    for t in toponyms:
        if t.literal and names_a_species(text, g, t):
            t.literal = False
