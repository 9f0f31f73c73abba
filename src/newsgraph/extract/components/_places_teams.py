"""A team or a firm named for its town: "the Denver Broncos", "the Chicago Cubs", "Oxford Economics".

Clubs, teams and firms take a town's or a state's name and add a capitalized plural noun ("the
Carolina Panthers", "the New York Jets", "the Iowa Electronic Markets"). Where the tagger finds an
organisation's name (or a facility's: it often calls a team one) that starts with the toponym and
ends, one or two capitalized words after it, on such a plural (a noun in -s; the tagger often tags
a team's plural NNP), the toponym is part of that name: no place of the story (`Toponym.literal`
false, its point kept), as GeoWebNews reads "the Houston Rockets" and "the Texas Rangers"
(Embedded_Non_Lit). A state's own bodies are named in the singular ("the Iowa Senate", "the Texas
Department of Transportation") and are left to the other lists. Not such a name: the plural of a
place's, a building's or a landmark's head ("Khobar Towers", "the Gulf States", "Scarborough
Shoals"), of a state's office or party ("Vermont Democrats", `state_offices`), a people's plural in
-ans or -ese ("Nagorno-Karabakh Armenians", "Texans"), a word in -ss, -us or -is ("the U.S.
Census"), an abbreviated title (`titles.json`: "Syrian Pres. Bashar al-Assad"), one of the
article's people's names ("a New Hampshire Sanders veteran"), a name the tagger cut short (a
capitalized word right after it: "Alabama Securities Commissioner") or a title-case line, where
every word is capitalized ("St. Paul Votes To Condemn …").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components._gazetteer import name_key
from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.components._title_case import title_case
from newsgraph.extract.lexicons import load_json

_NOUN_TAGS = frozenset({"NNP", "NNPS", "NNS"})
_NAME_LABELS = frozenset({"ORG", "FAC"})
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ans", "ese")  # "Congress", "Census", "Texans"


@cache
def _not_team_words() -> frozenset[str]:
    """Return the singular heads whose plurals name places or state offices, not teams (lower case)."""
    data = load_json("places_names.json")
    heads = [
        *data["place_heads"],
        *data["facility_heads"],
        *data["weak_facility_heads"],
        *data["landmark_heads"],
        *data["state_offices"],
    ]
    return frozenset(h.lower() for h in heads)


@cache
def _titles() -> frozenset[str]:
    """Return the abbreviated titles of office, lower case ("pres.", "gov."): no team's plural."""
    data = load_json("titles.json")
    return frozenset(w.lower() for w in [*data["titles"], *data["abbreviations"]] if w.endswith("."))


def names_a_team(doc: Doc, t: Toponym, ents: Sequence[Span], persons: set[str]) -> bool:
    """Tell whether a toponym starts an organisation's name that ends on a plural ("Denver Broncos")."""
    for ent in ents:
        if ent.label_ not in _NAME_LABELS or not ent.start_char <= t.start < t.end < ent.end_char:
            continue
        after = [tok for tok in ent if tok.idx >= t.end]
        if not 1 <= len(after) <= 2 or not all(tok.text[:1].isupper() for tok in after):
            return False
        headline = doc.has_annotation("SENT_START") and title_case(ent.sent)
        return _a_plural_head(after[-1], persons) and not headline
    return False


def _a_plural_head(last: Token, persons: set[str]) -> bool:
    """Tell whether the last word of an organisation's name is a plural noun that ends the name."""
    word = last.text.lower()
    if last.tag_ not in _NOUN_TAGS or not word.endswith("s") or word.endswith(_NOT_PLURAL_ENDINGS):
        return False
    nxt = last.nbor() if last.i + 1 < len(last.doc) else None
    if nxt is not None and (nxt.text[:1].isupper() or (nxt.text == "." and word + "." in _titles())):
        return False  # "Alabama Securities Commissioner", "Syrian Pres. Bashar al-Assad"
    return (
        word not in _not_team_words()
        and word[:-1] not in _not_team_words()
        and name_key(last.text) not in persons
    )
