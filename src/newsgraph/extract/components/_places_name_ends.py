"""A place's name that ends an organisation's name: "Virgin Atlantic", "Priorities USA", "ABC Australia".

Airlines, broadcasters, campaigns, charities and companies put a place's name last in their own
("Virgin Atlantic", "Garuda Indonesia", "ABC Australia", "Dog Meat Free Indonesia", "Priorities
USA", "EADS North America"). The place names the market, the branch or the cause, not where
anything of the story happens: GeoWebNews reads "HSBC Malta", "DeSmog Canada" and "Baseball
Toronto" so (Embedded_Non_Lit). `_places_offices` takes such a name when its first part is another
of the article's organisations or ends on a body's head ("Ford Australia", "Asia Society Texas");
this module takes the rest: a toponym that ends an organisation's name, the tagger's or the
entities component's, right after a capitalized proper noun of that name (tagged NNP or NNPS:
"Virgin", "Garuda", "Free", "Priorities"). Not such a name:

- a word that says which part of the place is meant ("Western Balkans", "Upper Manhattan":
  the lower-case `locative_words` and `place_parts`), an adjective ("strongly Republican Wyoming",
  tagged JJ), the last part of a hyphened adjective ("Sub-Saharan Africa"), a function word ("Remain
  In European Union") or a possessive ("Louisville's");
- a demonym ("VOA Korean", "WWII Italian dictator"), or another toponym in the name before it;
- a state's office after the toponym ("the Independent Vermont senator": `state_members`);
- a title-case line, where every word is capitalized.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc

from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.components._title_case import title_case
from newsgraph.extract.extensions import get_entities
from newsgraph.extract.lexicons import load_json

_PROPER_TAGS = frozenset({"NNP", "NNPS"})


@cache
def _not_name_words() -> frozenset[str]:
    """Return the lower-case words that make a place's part or a state's office, not a name."""
    data = load_json("places_names.json")
    return frozenset(w.lower() for key in ("locative_words", "place_parts") for w in data[key])


@cache
def _demonyms() -> frozenset[str]:
    """Return the demonyms of countries and regions ("Italian", "Korean")."""
    return frozenset(load_json("places_names.json")["demonyms"])


@cache
def _state_members() -> frozenset[str]:
    """Return the lower-case nouns of a state's offices and members ("senator", "governor")."""
    data = load_json("places_names.json")
    return frozenset(w.lower() for key in ("state_offices", "state_members") for w in data[key])


def ends_a_name(
    doc: Doc, text: str, t: Toponym, tagged: Sequence[tuple[int, int]], toponyms: Sequence[Toponym]
) -> bool:
    """Tell whether a toponym ends an organisation's name after a proper noun of it (module docstring)."""
    if t.source == "demonym" or t.text in _demonyms():
        return False  # "WWII Italian dictator"
    ending = [s for s, e in tagged if s < t.start and e == t.end]
    ending += [
        m.start
        for e in get_entities(doc)
        if e.type == "ORG"
        for m in e.mentions
        if m.start < t.start and m.end == t.end
    ]
    if not ending:
        return False  # the common case: no organisation's name ends with the toponym
    start = min(ending)
    if any(start <= o.start < t.start for o in toponyms if o is not t):
        return False  # "Kansas City, Missouri", another place in the name
    span = doc.char_span(start, t.start, alignment_mode="expand")
    if span is None or len(span) == 0 or text[span.end_char : t.start] != " ":
        return False
    last = span[-1]
    if last.tag_ not in _PROPER_TAGS or not last.is_alpha or not last.text[:1].isupper():
        return False
    if last.lower_ in _not_name_words() or (last.i > 0 and doc[last.i - 1].text == "-"):
        return False  # "Upper Manhattan", "Sub-Saharan Africa"
    place = doc.char_span(t.start, t.end, alignment_mode="expand")
    if place is not None and place.end < len(doc) and doc[place.end].lower_ in _state_members():
        return False  # "the Independent Vermont senator"
    return not (doc.has_annotation("SENT_START") and title_case(last.sent))
