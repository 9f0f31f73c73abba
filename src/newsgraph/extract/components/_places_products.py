"""A product's own word that is also a place's name: "the Crown Victoria", "the Star of David".

A product's name (the tagger's PRODUCT: cars, weapons, symbols, drinks) ends in its own word, the
word that says which product it is, and makers take those words from towns, states and people
("Crown Victoria", "Star of David"). That last word names the product, not a place of the story,
while a place before it says where the product is from or is made for ("Russian S-400"), as a
place inside a body's name does ("Bank of Canada"). A country's name keeps its reading even at the
end: makers do not name models after countries, and a tagger's span that runs on over a country's
name ("the 'Big Three' United States automakers") is the country's.
"""

from __future__ import annotations

from newsgraph.extract.components._gazetteer import COUNTRY
from newsgraph.extract.components._places_toponym import Toponym


def without_product_words(toponyms: list[Toponym], end: int) -> list[Toponym]:
    """Return the toponyms found inside a product's name that ends at `end`, without the one that
    ends it (the product's own word), unless that one is a country's name."""
    return [t for t in toponyms if t.end < end or any(m.entry.feature == COUNTRY for m in t.matches)]
