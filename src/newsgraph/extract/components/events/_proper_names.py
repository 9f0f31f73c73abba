"""What a proper noun names when it names no single actor: an event ("the Malabar Joint Maritime
Exercise"), a document ("the Second Amendment"), or one of a pair of actors ("the Russia-Ukraine war").
"""

from __future__ import annotations

from collections.abc import Container
from functools import cache

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.lexicons import load_json
from newsgraph.knowledge import longest_match


def event_name(tok: Token, lex: Lexicon) -> bool:
    """Whether a proper noun names an event, not an actor ("the Malabar Joint Maritime Exercise")."""
    return (
        tok.pos_ == "PROPN"
        and tok.lemma_.lower() in lex.nouns
        and tok.ent_type_ not in ("PERSON", "GPE", "NORP")
    )


def document_name(tok: Token, lex: Lexicon) -> bool:
    """Whether a proper noun names a document, not an actor: a name headed by a document noun ("the Second
    Amendment", "a Treaty on Strategic Partnership", "the Dodd-Frank Act")."""
    return (
        tok.pos_ == "PROPN"
        and tok.lemma_.lower() in lex.document_nouns
        and tok.ent_type_ not in ("PERSON", "GPE", "NORP")
    )


def hyphen_pair(name: Token, demonyms: Container[str] = ()) -> Token | None:
    """Return X of a pair of names "X-Y" modifying a noun ("the Russia-Ukraine war", "Iran-Iraq talks")
    when `name` is Y: two words joined by a hyphen, each a name of its own (a proper noun of the actor
    dictionaries) or, when `demonyms` are given and the pair modifies a relation noun (`relation_noun`), a
    people's adjective or a name the parse gives alone ("Turkish-Iranian relations", "the EU-Turkey deal";
    not "Turkish-American donations", the gifts of Turkish Americans)."""
    if name.i < 2 or name.doc[name.i - 1].text not in ("-", "–", "/"):
        return None
    demonyms = demonyms if relation_noun(name.head) else ()
    if not _side_word(name, demonyms):
        return None
    for c in name.children:
        if c.dep_ in ("compound", "amod") and c.i == name.i - 2 and _side_word(c, demonyms):
            return c
    return None


def relation_noun(noun: Token) -> bool:
    """Whether a noun names a relation, a meeting or a pact between two parties (`two_party_nouns.json`)."""
    return noun.pos_ == "NOUN" and (
        noun.lemma_.lower() in _relation_nouns() or noun.lower_ in _relation_nouns()
    )


@cache
def _relation_nouns() -> frozenset[str]:
    """The relation nouns of `two_party_nouns.json`."""
    return frozenset(load_json("two_party_nouns.json")["relation_nouns"])


def pair_word(tok: Token, demonyms: Container[str]) -> bool:
    """Whether a word is X or Y of a hyphened pair "X-Y" modifying a noun (`hyphen_pair` with demonyms)."""
    if hyphen_pair(tok, demonyms) is not None:
        return True
    return tok.dep_ in ("compound", "amod") and hyphen_pair(tok.head, demonyms) == tok


def _side_word(tok: Token, demonyms: Container[str]) -> bool:
    """Whether a word of a hyphened pair names a side: a proper noun the actor dictionaries know alone, or,
    when `demonyms` are given, a proper noun the parse names a country, a body or a people ("EU"), or a
    demonym."""
    if tok.pos_ == "PROPN" and _known_actor(tok.text):
        return True
    return bool(demonyms) and (tok.lower_ in demonyms or (tok.pos_ == "PROPN" and _whole_name(tok)))


def _whole_name(tok: Token) -> bool:
    """Whether a word is alone a name of a country, a body or a people ("EU"; not "al" of "al-Shabab")."""
    ends = tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I"
    return tok.ent_type_ in ("GPE", "ORG", "NORP") and tok.ent_iob_ == "B" and ends


def _known_actor(word: str) -> bool:
    """Whether a word alone names a country, a place or an organisation of the actor dictionaries
    ("Russia", "Taliban"; not "al" of "al-Shabab")."""
    found = longest_match([word], 0)
    return found is not None and found[0] == 1
