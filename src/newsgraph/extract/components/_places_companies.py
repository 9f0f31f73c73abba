"""A company named like a town: "Japanese automaker Toyota", "the retailer Amazon".

Many companies bear the name of a town or a region ("Toyota", a city of Aichi; "Amazon";
"Santander"). spaCy's tagger usually calls such a name an organisation, but the places component
takes an organisation's name for a place when the gazetteer knows it as a country, a division or
a large city. Where the text presents the name as a business by a noun in close apposition right
before it ("Japanese automaker Toyota", "the retailer Amazon", "agricultural firm Monsanto", "the
auto companies Toyota, Nissan and Honda"), the name is the company's: no toponym at all, as news
geoparsing sets annotate none for such a homonym. So are the article's other mentions of that name
the tagger calls an organisation ("Toyota is expected to report"); a mention the tagger calls a
place, or one inside a longer name, is left alone. The business nouns are data
(`places_names.json`, `business_nouns`); nouns after a town's name ("the St. Louis plant", "a
central Athens hotel") say where the business stands and are not read.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from newsgraph.extract.components._gazetteer import name_key
from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.lexicons import load_json


@cache
def _business_nouns() -> frozenset[str]:
    return frozenset(load_json("places_names.json")["business_nouns"])


def _presented_as_business(doc: Doc, t: Toponym) -> bool:
    """Tell whether the word right before a name is a business noun in apposition ("automaker
    Toyota", "companies Toyota"): a lower-case common noun, with no punctuation between."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.pos_ == "NOUN" and before.is_lower and before.lemma_ in _business_nouns()


def drop_companies(doc: Doc, toponyms: list[Toponym]) -> list[Toponym]:
    """Return the toponyms without the names of companies (see the module docstring)."""
    orgs = {(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "ORG"}
    tagged = [t for t in toponyms if (t.start, t.end) in orgs]
    companies = {name_key(t.text) for t in tagged if _presented_as_business(doc, t)}
    if not companies:
        return toponyms
    return [t for t in toponyms if (t.start, t.end) not in orgs or name_key(t.text) not in companies]
