"""A team or a firm named for its town: "the Denver Broncos", "the Chicago Cubs", "Oxford Economics".

Clubs, teams and firms take a town's or a state's name and add a capitalized plural noun ("the
Carolina Panthers", "the New York Jets", "the Iowa Electronic Markets"). Where the tagger finds an
organisation's name (or a facility's: it often calls a team one) that starts with the toponym and
ends, one or two capitalized words after it, on such a plural (a noun in -s, not -ss; the tagger
often tags a team's plural NNP), the toponym is part of that name: no place of the story
(`Toponym.literal` false, its point kept), as GeoWebNews reads "the Houston Rockets" and "the Texas
Rangers" (Embedded_Non_Lit). A state's own bodies are named in the singular ("the Iowa Senate",
"the Texas Department of Transportation") and are left to the other lists. Not such a name: the
plural of a place's, a building's or a landmark's head ("Khobar Towers", "the Gulf States",
"Scarborough Shoals"), of a state's office or party ("Vermont Democrats", `state_offices`), or a
people's plural in -ans or -ese ("Nagorno-Karabakh Armenians", "Texans").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Span

from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.lexicons import load_json

_NOUN_TAGS = frozenset({"NNP", "NNPS", "NNS"})
_NAME_LABELS = frozenset({"ORG", "FAC"})
_PEOPLE_ENDINGS = ("ans", "ese")


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


def names_a_team(doc: Doc, t: Toponym, ents: Sequence[Span]) -> bool:
    """Tell whether a toponym starts an organisation's name that ends on a plural ("Denver Broncos")."""
    for ent in ents:
        if ent.label_ not in _NAME_LABELS or not ent.start_char <= t.start < t.end < ent.end_char:
            continue
        after = [tok for tok in ent if tok.idx >= t.end]
        if not 1 <= len(after) <= 2 or not all(tok.text[:1].isupper() for tok in after):
            return False
        last = after[-1]
        word = last.text.lower()
        if last.tag_ not in _NOUN_TAGS or not word.endswith("s") or word.endswith(("ss", *_PEOPLE_ENDINGS)):
            return False
        return word not in _not_team_words() and word[:-1] not in _not_team_words()
    return False
