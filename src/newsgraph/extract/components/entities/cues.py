"""What the words around a name say it is, when spaCy took it for a person's.

- A product: a product noun right after it or in apposition before it ("the Aura sedan",
  "Safari 4.0 web browser", "the drug Tamiflu").
- An organisation: an organisation noun right before it, in apposition after it or as what it
  is said to be ("German
  airline Air Berlin", "Merial, the pharmaceutical company", "a group called 'Anonymous'"), or
  "which" after it ("Pixar, which was acquired"): people take "who".
- An event (for a name spaCy took for an organisation's): a name ending with an event's word,
  said to recur or to be held ("this year's Worldwide Developers Conference", "the X Summit
  keynote").
- A facility (for a one-word name spaCy took for an organisation's): a kind of public facility
  after it ("Randwick racecourse").
- A place: a place noun beside it ("the Dadaab refugee camp", "the port of Bandar Abbas"), its
  country after it ("Binh Phuoc, Vietnam;"), its name ends with a place word ("Beledweyne
  District"), or every mention stands after
  a word of place or beside a place it is listed with ("in Agalega", "Cairo, Giza, and Al-Minya"),
  and the gazetteer knows it or it is one word listed with places.

Data: `entity_fixes.json` (`org_cue_nouns`, `event_heads`, `event_before`, `event_after`,
`settlement_nouns`, `facility_nouns`), `products.json` (`product_nouns`) and the
gazetteer's place heads and locative words (`places_names.json`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components._gazetteer import Gazetteer
from newsgraph.extract.components.entities.lexicon import DETERMINERS, EntityLexicon
from newsgraph.extract.components.entities.products import product_words
from newsgraph.extract.components.entities.spans import (
    Chain,
    NameMention,
    label_vote,
    longest_text,
    mention_text,
)

_PLACE_LABELS = frozenset({"GPE", "LOC"})
_PLACE_PREPOSITIONS = frozenset({"in", "near", "across", "throughout", "outside", "inside", "within", "into"})
_VERSION = frozenset("0123456789.")
_PLURAL_ORG_NOUNS = frozenset(
    {"retailers", "banks", "automakers", "carmakers", "manufacturers", "brands", "groups", "charities"}
    | {"agencies", "insurers", "lenders", "networks", "chains", "newspapers", "broadcasters", "parties"}
)
_DOSES = frozenset(
    {"dose", "doses", "units", "shipments", "stockpiles", "supplies", "copies", "pills", "tablets"}
    | {"version", "versions", "upgrade"}
)
_PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "port",
        "province",
        "district",
        "region",
        "county",
        "camp",
        "island",
        "islands",
    }
    | {"state", "capital", "valley", "complex", "settlement", "municipality", "prefecture", "suburb"}
)
"""Common nouns of places: one after a name or before "of" and a name makes it a place's."""
_MAX_LISTED = 16
"""How far back a list of places may start ("the villages of A, B, C and D")."""


def place_tokens(chains: list[Chain]) -> set[int]:
    """Return the token indices of every mention of a name spaCy took for a place at least once
    ("Pandi" of "Pandi, Bulacan" in "pigs at Pandi and Talavera farms"), for lists of places."""
    return {
        i
        for c in chains
        if any(m.label in _PLACE_LABELS for m in c.mentions)
        for m in c.mentions
        for i in range(m.start, m.end)
    }


def context_type(
    doc: Doc, lex: EntityLexicon, gazetteer: Gazetteer, c: Chain, places: set[int]
) -> str | None:
    """Return PRODUCT (for a one-word name), ORG or GPE when the context says so, else None.

    `places` holds the token indices of the article's place names (GPE, LOC), for lists. For a
    name spaCy took for an organisation's, only a product that never acts or owns ("Apple said",
    "Apple's"), or a place the gazetteer knows (then "in" and a place after it also tell one) or
    that a kind of settlement names ("the village of Kampungu", "the Indo-Pacific region").
    """
    if label_vote(c) == "ORG":
        if any(_event_named(doc, lex, m) for m in c.mentions):
            return "EVENT"
        if any(_facility_named(doc, lex, m) for m in c.mentions) and not lex.known.knows(c.key):
            return "FAC"
        cue = _person_context(doc, lex, gazetteer, c, places)
        if cue == "PRODUCT" and not any(_acts(doc, m) for m in c.mentions):
            return cue
        if cue is None and any(_in_place(doc, m, places) for m in c.mentions):
            cue = "GPE"  # "schoolgirls from Chibok in Borno State"
        if cue == "GPE" and (
            gazetteer.known(longest_text(doc, c))
            or any(_settlement_named(doc, lex, m) or _between_places(doc, m, places) for m in c.mentions)
        ):
            return "GPE"
        return None
    return _person_context(doc, lex, gazetteer, c, places)


def _person_context(
    doc: Doc, lex: EntityLexicon, gazetteer: Gazetteer, c: Chain, places: set[int]
) -> str | None:
    """Return the type the context of a chain's mentions gives it (see `context_type`)."""
    one_word = all(m.end - m.start == 1 for m in c.mentions)
    nouns = product_words().nouns
    if (
        one_word
        and not lex.is_demonym(doc[c.mentions[0].start].text)
        and any(_product_beside(doc, m) or _called(doc, nouns, m) for m in c.mentions)
    ):
        return "PRODUCT"
    if any(_organisation_beside(doc, lex, m) or _called(doc, lex.org_cue_nouns, m) for m in c.mentions):
        return "ORG"
    if any(_qualified(doc, m, places) or _place_noun_beside(doc, m) for m in c.mentions):
        return "GPE"
    longest = max(c.mentions, key=lambda m: m.end - m.start)
    if doc[longest.end - 1].text in gazetteer.place_heads and longest.end - longest.start >= 2:
        return "GPE"
    longest_name = mention_text(doc, longest)
    known = gazetteer.known(longest_name)
    one_name = " " not in longest_name  # "Berry", "Al-Minya"
    listed = one_name and any(_listed_with_place(doc, m, places) for m in c.mentions)
    placed = all(_after_place_word(doc, m) or _listed_with_place(doc, m, places) for m in c.mentions)
    if placed and (listed or known):
        return "GPE"
    return None


def _acts(doc: Doc, m: NameMention) -> bool:
    """Whether a mention acts or owns, as a company does ("Apple said", "Apple's chief")."""
    last = doc[m.end - 1]
    owns = m.end < len(doc) and doc[m.end].tag_ == "POS"
    return owns or last.dep_ in {"nsubj", "nsubjpass"}


def _product_beside(doc: Doc, m: NameMention) -> bool:
    """Whether a product noun follows the name (after a version number) or precedes it in apposition."""
    nouns = product_words().nouns
    i = m.end
    if i < len(doc) and set(doc[i].text) <= _VERSION and any(ch.isdigit() for ch in doc[i].text):
        i += 1  # "Safari 4.0 web browser"
    while i < len(doc) and doc[i].is_lower and doc[i].pos_ in {"NOUN", "ADJ"} and doc[i].text not in nouns:
        i += 1  # "web"
    if i < len(doc) and doc[i].text in nouns and i - m.end <= 2:
        return True
    before = doc[m.start - 1] if m.start > 0 else None
    if before is not None and before.lower_ == "of" and m.start > 1 and doc[m.start - 2].lower_ in _DOSES:
        return True  # "12 million doses of Tamiflu", "a beta version of FaceTime"
    return (
        before is not None
        and before.text in nouns
        and m.start > 1
        and doc[m.start - 2].lower_ in DETERMINERS  # "the drug Tamiflu"
    )


def _organisation_beside(doc: Doc, lex: EntityLexicon, m: NameMention) -> bool:
    """Whether an organisation noun names the kind of the name, before or after it, or "which" follows."""
    if m.start > 0 and doc[m.start - 1].lower_ in lex.org_cue_nouns and doc[m.start - 1].is_lower:
        return True  # "German airline Air Berlin"
    if _kind_listed(doc, lex, m):
        return True  # "other retailers, including Best Buy"
    after = doc[m.end : m.end + 7]
    if len(after) and after[0].text == ",":
        after = after[1:]
    if len(after) and after[0].lower_ == "which":
        return True
    if len(after) and after[0].lower_ in DETERMINERS:
        for tok in after[1:]:
            if tok.lower_ in lex.org_cue_nouns:
                return True  # "Merial, the pharmaceutical company", "Magna, a Canadian parts company"
            if tok.pos_ not in {"ADJ", "NOUN", "PROPN"}:
                break
    return _said_to_be(doc, lex, m)


def _said_to_be(doc: Doc, lex: EntityLexicon, m: NameMention) -> bool:
    """Whether the name is the subject of "to be" with an organisation noun ("HTS is an Islamist group")."""
    tok = doc[m.end - 1]
    if tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
        return False
    return any(c.dep_ == "attr" and c.lower_ in lex.org_cue_nouns for c in tok.head.children)


def _called(doc: Doc, nouns: frozenset[str], m: NameMention) -> bool:
    """Whether the name is given after one of `nouns` and "called", "named" or "known as"."""
    i = m.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].text in {"'", "‘", "“", '"'}):
        i -= 1
    if i >= 1 and doc[i].lower_ == "as" and doc[i - 1].lower_ == "known":
        i -= 1
    elif i < 0 or doc[i].lower_ not in {"called", "named", "dubbed"}:
        return False
    if i >= 2 and doc[i - 1].lower_ in {"is", "was", "are", "were"}:
        i -= 1  # "this feature is called FaceTime"
    return i >= 1 and doc[i - 1].lower_ in nouns  # "an Internet group called 'Anonymous'"


def _qualified(doc: Doc, m: NameMention, places: set[int]) -> bool:
    """Whether the name is followed by its country or region as a qualifier ("Binh Phuoc, Vietnam;")."""
    if m.end + 2 >= len(doc) or doc[m.end].text != "," or m.end + 1 not in places:
        return False
    end = m.end + 1
    while end in places:
        end += 1
    return end >= len(doc) or doc[end].text in {";", ",", ".", ")"} or doc[end].lower_ == "and"


def _in_place(doc: Doc, m: NameMention, places: set[int]) -> bool:
    """Whether the name is followed by "in" and a place ("Chibok in Borno State")."""
    return m.end + 1 < len(doc) and doc[m.end].lower_ == "in" and m.end + 1 in places


def _between_places(doc: Doc, m: NameMention, places: set[int]) -> bool:
    """Whether a one-word name stands where places stand on both sides: after "from" or a word of
    place and before "in" and a place ("schoolgirls from Chibok in Borno State")."""
    before = doc[m.start - 1].lower_ if m.start > 0 else ""
    return (
        m.end - m.start == 1
        and (before == "from" or before in _PLACE_PREPOSITIONS)
        and _in_place(doc, m, places)
    )


def _place_noun_beside(doc: Doc, m: NameMention) -> bool:
    """Whether a place noun follows the name or names it with "of" ("Dadaab refugee camp", "port of X")."""
    after = doc[m.end : m.end + 2]
    for tok in after:
        if tok.is_lower and tok.lower_ in _PLACE_NOUNS:
            return True
        if not (tok.is_lower and tok.pos_ in {"NOUN", "ADJ"}):
            break
    return m.start > 1 and doc[m.start - 1].lower_ == "of" and doc[m.start - 2].lower_ in _PLACE_NOUNS


def _event_named(doc: Doc, lex: EntityLexicon, m: NameMention) -> bool:
    """Whether a name of an event's form is said to recur or to be held ("the company's annual
    Worldwide Developers Conference", "this year's Munich Security Conference", "the X Summit
    keynote"), so names the event, not its organiser."""
    if m.end - m.start < 2 or doc[m.end - 1].text not in lex.event_heads:
        return False
    before = doc[m.start - 1].lower_ if m.start > 0 else ""
    if before in lex.event_before or (
        before in {"'s", "’s"} and m.start > 1 and doc[m.start - 2].lower_ == "year"
    ):
        return True
    i = m.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3  # "(WWDC)"
    return i < len(doc) and doc[i].lower_ in lex.event_after


def _facility_named(doc: Doc, lex: EntityLexicon, m: NameMention) -> bool:
    """Whether a kind of public facility follows a one-word name ("Randwick racecourse", "Bagram
    airbase"); not a company's works ("the Toyota plant")."""
    return m.end - m.start == 1 and m.end < len(doc) and doc[m.end].lower_ in lex.facility_nouns


def _settlement_named(doc: Doc, lex: EntityLexicon, m: NameMention) -> bool:
    """Whether a kind of settlement or division names the place right after it or before it with
    "of" or a colon, the place alone or in a list ("the Indo-Pacific region", "the village of
    Kampungu", "four villages: Kampungu, Makonono and Mombo"); not an acronym ("the ASEAN region")."""
    if mention_text(doc, m).isupper():
        return False
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and after.is_lower and after.lower_ in lex.settlement_nouns:
        return True
    i = m.start - 1
    while (
        i > m.start - _MAX_LISTED
        and i > 0
        and (doc[i].text == "," or doc[i].lower_ == "and" or doc[i].is_title)
    ):
        i -= 1  # "four villages: Kampungu, Makonono, Kaluamba and Mombo"
    return i > 0 and doc[i].lower_ in {"of", ":"} and doc[i - 1].lower_ in lex.settlement_nouns


def _kind_listed(doc: Doc, lex: EntityLexicon, m: NameMention) -> bool:
    """Whether the name is an example of a kind of organisation ("retailers, including Best Buy")."""
    k = m.start - 1
    if k > 1 and doc[k - 1].lower_ == "such" and doc[k].lower_ == "as":
        k -= 2
    elif k > 0 and doc[k].lower_ in {"including", "like"}:
        k -= 1
    else:
        return False
    if k >= 0 and doc[k].text == ",":
        k -= 1
    return k >= 0 and (doc[k].lower_ in lex.org_cue_nouns or doc[k].lower_ in _PLURAL_ORG_NOUNS)


def _after_place_word(doc: Doc, m: NameMention) -> bool:
    """Whether the name follows a word of place ("in Agalega", "across Java")."""
    return m.start > 0 and doc[m.start - 1].lower_ in _PLACE_PREPOSITIONS


def _listed_with_place(doc: Doc, m: NameMention, places: set[int]) -> bool:
    """Whether the name is coordinated with a place name ("Khartoum and Al Jazirah")."""
    tok: Token = doc[m.end - 1]
    for other in (*tok.conjuncts, tok.head):
        if other.i in places and (other.dep_ == "conj" or tok.dep_ == "conj"):
            return True
    return False
