"""A bare "the country" or "the government" stands for the one country the article has just named:
"Floods hit Kenya … the government issued a ban", "Japan pledged aid … the country promised more".

English refers to a country, or to its government as a whole, by "the country", "the nation" or "the
government" once the text has named it (`country_nouns` in `event_actors.json`, `national_government_nouns`
in `event_rules.json`). `named_country` reads such a phrase ("the" and the singular noun alone, a
possessive "'s" or a relative clause set off by a comma aside, `_same_head`) and returns the country's
entity when
- the phrase's sentence before it and the `_WINDOW` sentences before that name exactly one country: a
  country's or its capital's name (a GPE entity's mention, `countries.tsv`) or a demonym ("Kenyan
  officials"); two countries there ("France … Syria and Iraq … the country"), and it stays (no guess); and
- the article has a place entity of that country's own name ("Ethiopia" for an "Addis Ababa" in reach:
  the country as a state, not its capital city), else one of the country in reach (the nearest), else
  exactly one of it.
A phrase of its own words ("the local government", "the host country") and a phrase the article names
the country in nowhere near stay as they are: an article-wide guess is no reference.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._same_head import bare_phrase
from newsgraph.extract.extensions import entity_at_token, get_entities
from newsgraph.models import Entity

_WINDOW = 2
"""Sentences before the phrase's own that are read for the country it stands for."""


def named_country(doc: Doc, head: Token, lex: Lexicon, g: Grammar) -> Entity | None:
    """The place entity of the one country named just before a bare "the country"/"the government"."""
    lemma = head.lemma_.lower()
    nouns = lex.country_nouns | lex.national_government_nouns
    if head.pos_ != "NOUN" or lemma not in nouns or not bare_phrase(head):
        return None
    sents = g.sentences(doc)
    k = bisect_right([s.start for s in sents], head.i) - 1
    codes: set[str] = set()
    near: list[Entity] = []
    for t in doc[sents[max(0, k - _WINDOW)].start : head.i]:
        code = _country(doc, t, lex)
        if code is None:
            continue
        codes.add(code)
        entity = entity_at_token(doc, t.i)
        if entity is not None and entity.type == "GPE" and entity not in near:
            near.append(entity)
    if len(codes) != 1:
        return None
    code = next(iter(codes))
    same = [e for e in get_entities(doc) if e.type == "GPE" and _code(e, lex) == code]
    own = [e for e in same if e.name.lower() in lex.country_names]
    if len(own) == 1:
        return own[0]  # "Ethiopia", not "Addis Ababa" in reach: the country as a state
    if near:
        return near[-1]
    return same[0] if len(same) == 1 else None


def _country(doc: Doc, t: Token, lex: Lexicon) -> str | None:
    """The country a word names: a demonym ("Kenyan"), or a place entity's country or capital name."""
    if t.lower_ in lex.demonyms:
        return lex.demonyms[t.lower_]
    entity = entity_at_token(doc, t.i)
    if entity is None or entity.type != "GPE":
        return None
    for m in entity.mentions:
        if m.kind != "pronoun" and m.start <= t.idx < m.end:
            return lex.countries.get(m.text.lower())
    return None


def _code(entity: Entity, lex: Lexicon) -> str | None:
    """The country a place entity's name names, if it names one."""
    return lex.countries.get(entity.name.lower())
