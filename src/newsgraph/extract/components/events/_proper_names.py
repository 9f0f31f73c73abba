"""What a proper noun names when it names no single actor: an event ("the Malabar Joint Maritime
Exercise"), a document ("the Second Amendment"), or one of a pair of actors ("the Russia-Ukraine war").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon
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


def hyphen_pair(name: Token) -> Token | None:
    """Return X of a pair of names "X-Y" modifying a noun ("the Russia-Ukraine war", "Iran-Iraq talks")
    when `name` is Y: two proper nouns joined by a hyphen, each a name of its own."""
    if name.pos_ != "PROPN" or not _known_actor(name.text):
        return None
    for c in name.children:
        if (
            c.dep_ == "compound"
            and c.i == name.i - 2
            and name.doc[name.i - 1].text in ("-", "–", "/")
            and _known_actor(c.text)
        ):
            return c
    return None


def _known_actor(word: str) -> bool:
    """Whether a word alone names a country, a place or an organisation of the actor dictionaries
    ("Russia", "Taliban"; not "al" of "al-Shabab")."""
    found = longest_match([word], 0)
    return found is not None and found[0] == 1
