"""The entities component's word lists and the word-level tests built on them.

Data: `entity_fixes.json` (not-names, name particles, organisation words, corporate suffixes,
spellings), `gpe_names.json` (countries, capitals, places, demonyms), `titles.json` (titles,
modifiers, honorifics) and the known-entity table (`known`). `EntityLexicon` loads them once per
process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsgraph.extract.components.entities.known import KnownTable, load_known_table
from newsgraph.extract.components.entities.names import normalize_name
from newsgraph.extract.lexicons import load_json

KEPT_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
"""spaCy labels kept as entities; numbers and times are other components' business."""
RESOLVED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
"""Labels whose names are chained, propagated and trimmed of numbers."""
POSSESSIVES = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
DETERMINERS = frozenset({"the", "a", "an"})
_DEMONYM_ENDINGS = frozenset({"i", "n", "an", "ian", "ese", "ish", "ic", "ean", "ite"})
_COUNTRY_ENDINGS = (("istan", 4), ("stan", 4), ("ia", 5), ("a", 5))


@dataclass(frozen=True, slots=True)
class EntityLexicon:
    """The word lists, as sets of comparison keys or lower-case words."""

    known: KnownTable
    not_names: frozenset[str]
    particles: frozenset[str]
    org_words: frozenset[str]
    org_nouns: frozenset[str]
    org_heads: frozenset[str]
    org_cue_nouns: frozenset[str]
    work_heads: frozenset[str]
    event_heads: frozenset[str]
    law_heads: frozenset[str]
    event_before: frozenset[str]
    event_after: frozenset[str]
    settlement_nouns: frozenset[str]
    facility_nouns: frozenset[str]
    possessive_names: frozenset[str]
    corporate_suffixes: frozenset[str]
    countries: frozenset[str]
    capitals: frozenset[str]
    places: frozenset[str]
    demonyms: frozenset[str]
    country_stems: dict[str, int]
    titles: frozenset[str]
    title_words: frozenset[str]
    honorifics: frozenset[str]
    speech_verbs: frozenset[str]
    """Lemmas of the verbs of speech (the quotes component's cue list)."""
    gap_fill: tuple[tuple[str, str], ...]
    """(label, name) pairs looked for where spaCy found no name: countries and known entities."""

    def is_place(self, key: str) -> bool:
        """Whether a name key is a known country, capital or place."""
        return key in self.countries or key in self.capitals or key in self.places

    def is_demonym(self, word: str) -> bool:
        """Whether a word names a nationality derived from a country ("Tajik", "Rwandan", "Qatari")."""
        if len(word) < 4 or not word[:1].isupper() or not word[1:].islower():
            return False
        if word in self.demonyms or (word[-1] == "s" and word[:-1] in self.demonyms):
            return True
        low = word.casefold()
        if low in self.countries:
            return False
        if low[-1] == "s" and low[-2:] not in {"ss", "is", "us"}:
            low = low[:-1]  # "Afghans", "Qataris"
        for n in (3, 2, 1):  # "Qatari", "Rwandan", "Iranian", "Sudanese"
            if low[:-n] in self.countries and low[-n:] in _DEMONYM_ENDINGS:
                return True
        return low in self.country_stems  # "Tajik" (Tajikistan), "Somali" (Somalia)

    def is_title(self, tok: Token) -> bool:
        """Whether a token is a title, a title modifier or an honorific."""
        low = tok.lower_
        return low in self.title_words or low.rstrip(".") in self.title_words or low in self.honorifics

    def in_titles(self, tok: Token) -> bool:
        """Whether a token is a title noun (by its form or lemma)."""
        low = tok.lower_
        return low in self.titles or low.rstrip(".") in self.titles or tok.lemma_.lower() in self.titles

    def is_title_noun(self, tok: Token) -> bool:
        """Whether a token is a noun that names a title or a role."""
        return tok.pos_ in {"NOUN", "PROPN"} and self.in_titles(tok)


@cache
def get_lexicon() -> EntityLexicon:
    """Load the entities component's word lists (once per process)."""
    fixes = load_json("entity_fixes.json")
    gpe = load_json("gpe_names.json")
    titles = load_json("titles.json")
    cues: dict[str, str] = load_json("cue_verbs.json")["verbs"]
    known = load_known_table()
    countries = frozenset(normalize_name(c) for c in gpe["countries"])
    country_stems: dict[str, int] = {}
    for country in countries:
        if " " in country:
            continue
        for ending, shortest in _COUNTRY_ENDINGS:
            if country.endswith(ending) and len(country) - len(ending) >= shortest:
                country_stems.setdefault(country[: -len(ending)], len(ending))
    no_fill = set(gpe["no_gap_fill"])
    fill = {("GPE", c) for c in gpe["countries"] if c not in no_fill} | set(known.gap_fill)
    title_set = frozenset(t.casefold() for t in titles["titles"])
    return EntityLexicon(
        known=known,
        not_names=frozenset(w.casefold() for w in fixes["not_names"]),
        particles=frozenset(fixes["name_particles"]),
        org_words=frozenset(fixes["org_words"]),
        org_nouns=frozenset(w.casefold() for w in fixes["org_words"] if w.isalpha()),
        org_heads=frozenset(fixes["org_heads"]),
        org_cue_nouns=frozenset(fixes["org_cue_nouns"]),
        work_heads=frozenset(fixes["work_heads"]),
        event_heads=frozenset(fixes["event_heads"]),
        law_heads=frozenset(fixes["law_heads"]),
        event_before=frozenset(fixes["event_before"]),
        event_after=frozenset(fixes["event_after"]),
        settlement_nouns=frozenset(fixes["settlement_nouns"]),
        facility_nouns=frozenset(fixes["facility_nouns"]),
        possessive_names=frozenset(fixes["possessive_names"]),
        corporate_suffixes=frozenset(normalize_name(w) for w in fixes["corporate_suffixes"]),
        countries=countries,
        capitals=frozenset(normalize_name(c) for c in gpe["capitals"]),
        places=frozenset(normalize_name(c) for c in gpe["places"]),
        demonyms=frozenset(gpe.get("demonyms", [])),
        country_stems=country_stems,
        titles=title_set,
        title_words=title_set | frozenset(t.casefold() for t in titles["modifiers"]),
        honorifics=frozenset(t.casefold() for t in titles["honorifics"]),
        speech_verbs=frozenset(v for v, kind in cues.items() if kind == "speech"),
        gap_fill=tuple(sorted(fill | {(label, name.upper()) for label, name in fill})),
    )
