"""A company named like a town: "Japanese automaker Toyota", "the retailer Amazon", "Valeant's stock".

Many companies bear the name of a town or a region ("Toyota", a city of Aichi; "Amazon";
"Santander"). spaCy's tagger usually calls such a name an organisation, but the places component
takes an organisation's name for a place when the gazetteer knows it as a country, a division or
a large city. The article's own use of the name as a business's makes it the company's: no
toponym at all, as news geoparsing sets annotate none for such a homonym. The evidence is

- a business noun in close apposition right before it ("Japanese automaker Toyota", "the retailer
  Amazon", "agricultural firm Monsanto", "the auto companies Toyota, Nissan and Honda"), of a name
  the tagger calls an organisation; nouns after a town's name ("the St. Louis plant", "a central
  Athens hotel") say where the business stands and are not read;
- a business noun in apposition after it ("Toyota, the carmaker, said");
- a company's own noun it owns: its founder, chief executive, shareholders, stock or subsidiary
  ("Valeant's stock price", "Toyota's US depository", "the founder of Amazon", "Pershing Square's
  founder"), and a shareholder or stockholder before "in" ("a shareholder in Valeant"); not after
  a country's, a division's or a continent's name ("Australia's stock losses" is no company's);
- the entities component's link of the article's chain of the name to a known organisation whose
  own name or other name it is (`known_entities.json`: "Toyota", "Nokia", "GAO"), where the
  gazetteer knows the name only as towns by their own names (not "EU", a continent's).

Then the article's other mentions of that name are the company's too ("Toyota is expected to
report"), but for one the text itself makes a place: after a locative word ("in Toyota"), with a
qualifier ("Toyota, Aichi"), before a noun of an area ("the Amazon rainforest", "the Amazon
basin": `area_nouns`, `division_nouns` and the lower-cased `place_heads`), or as a dateline
("TOYOTA (AP) —"); the mention that shows the company is always the company's ("a shareholder
in Valeant"). The nouns are data (`places_names.json`,
`business_nouns`, `company_people`, `company_holdings`, `area_nouns`).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.extract.components._gazetteer import ADMIN1, CITY, CONTINENT, COUNTRY, Gazetteer, name_key
from newsgraph.extract.components._places_toponym import Toponym, followed_by_qualifier
from newsgraph.extract.extensions import get_entities
from newsgraph.extract.lexicons import load_json

_STATES = frozenset({COUNTRY, ADMIN1, CONTINENT})
_NEXT_WORDS = re.compile(r" ([a-z]+(?: [a-z]+)?)")


@cache
def _nouns(key: str) -> frozenset[str]:
    return frozenset(load_json("places_names.json")[key])


def _presented_as_business(doc: Doc, t: Toponym) -> bool:
    """Tell whether the word right before a name is a business noun in apposition ("automaker
    Toyota", "companies Toyota"): a lower-case common noun, with no punctuation between."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.pos_ == "NOUN" and before.is_lower and before.lemma_ in _nouns("business_nouns")


def _root(doc: Doc, t: Toponym) -> Token | None:
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return None if span is None else span.root


def _used_as_company(doc: Doc, text: str, t: Toponym) -> bool:
    """Tell whether the parse makes a name a company's: it owns a company's noun ("Valeant's stock",
    "the founder of Amazon", "a shareholder in Valeant") or a business noun stands in apposition
    after it ("Toyota, the carmaker"). The cheap test of the text around it comes first."""
    owner = text.startswith(("'s ", "’s "), t.end)
    of = text.endswith(("of ", "of the ", "in "), 0, t.start)
    comma = text.startswith(", ", t.end)
    if not (owner or of or comma) or any(m.entry.feature in _STATES for m in t.matches):
        return False
    root = _root(doc, t)
    if root is None:
        return False
    head = root.head.lemma_.lower()
    if owner and root.dep_ == "poss":  # "Toyota's depository", "Valeant's stock price"
        owned = {head, *(c.lemma_.lower() for c in root.head.lefts if c.dep_ == "compound")}
        return not owned.isdisjoint(_nouns("company_people")) or not owned.isdisjoint(
            _nouns("company_holdings")
        )
    if of and root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lemma_.lower() in _nouns("company_people")
    if of and root.dep_ == "pobj" and root.head.lower_ == "in":  # "a shareholder in Valeant"
        return root.head.head.lemma_.lower().endswith(("shareholder", "stockholder"))
    return comma and any(c.dep_ == "appos" and c.lemma_ in _nouns("business_nouns") for c in root.children)


@cache
def _known_names() -> dict[str, str]:
    """Return the known organisations' names and other names, each with its entry's key."""
    rows = load_json("known_entities.json")["entities"]
    return {
        name_key(name): row["key"]
        for row in rows
        if row["type"] == "ORG"
        for name in (row["name"], *row.get("aliases", []))
    }


def _known_organisations(doc: Doc) -> set[str]:
    """Return the keys of the known organisations the entities component links the article's
    chains to ("Toyota": `known:toyota`)."""
    return {
        e.kb for e in get_entities(doc) if e.type == "ORG" and e.kb is not None and e.kb.startswith("known:")
    }


def _only_towns(t: Toponym) -> bool:
    """Tell whether the gazetteer knows a name only as towns (by their own names: "GAO", not the
    Malian region that has Gao among its other names)."""
    own = [m for m in t.matches if m.how != "alternate"]
    return bool(own) and all(m.entry.feature == CITY for m in own)


def _companies(doc: Doc, text: str, toponyms: list[Toponym]) -> tuple[set[str], set[int]]:
    """Return the names the article uses as a company's (see the module docstring), and the
    starts of the mentions that so use them."""
    orgs = {(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "ORG"}
    used = [
        t
        for t in toponyms
        if ((t.start, t.end) in orgs and _presented_as_business(doc, t)) or _used_as_company(doc, text, t)
    ]
    names = {name_key(t.text) for t in used}
    known = _known_organisations(doc)
    if known:  # the name itself is the known organisation's, and the gazetteer has only towns of it
        names.update(
            key for t in toponyms if _known_names().get(key := name_key(t.text)) in known and _only_towns(t)
        )
    return names, {t.start for t in used}


def _names_an_area(g: Gazetteer, text: str, t: Toponym) -> bool:
    """Tell whether a lower-case noun of an area follows a name ("the Amazon rainforest", "the
    Amazon basin", "Aichi prefecture")."""
    after = _NEXT_WORDS.match(text, t.end)
    if after is None:
        return False
    words = after.group(1)
    first = words.split(" ", 1)[0]
    return (
        words in _nouns("area_nouns")
        or first in _nouns("area_nouns")
        or first in _nouns("division_nouns")
        or first.capitalize() in g.place_heads
    )


def drop_companies(doc: Doc, text: str, g: Gazetteer, toponyms: list[Toponym]) -> list[Toponym]:
    """Return the toponyms without the names of companies (see the module docstring)."""
    companies, used = _companies(doc, text, toponyms)
    if not companies:
        return toponyms
    return [
        t
        for t in toponyms
        if t.start not in used
        and (
            name_key(t.text) not in companies
            or t.after_locative
            or t.dateline
            or _names_an_area(g, text, t)
            or t.qualifiers
            or followed_by_qualifier(g, text, t.end)
        )
    ]
