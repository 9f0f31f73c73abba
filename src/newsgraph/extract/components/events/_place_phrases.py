"""Which place names of a sentence say where an event happened: a name in a place phrase.

English says where an act happened with a place phrase: a name that is the object of a locative
preposition ("met in Hanoi", "imprisoned a man at the Old Bailey in London", "a tunnel near Sibi"), or a
name modifying the event noun ("the Bouake attack"). A name stands for its phrase when it modifies the
phrase's noun or is set beside it: a compound or possessor ("at the Singapore summit", "in Pakistan's
Balochistan province"), an appositive or a conjunct ("in the capital, Harare"; "in Tustin and Glendale"),
or the "of" object of a place noun or of a part of a place (`place_part_nouns`: "near the port city of
Latakia", "on the streets of New York"). A name that is itself a phrase's noun ranks before a name
standing for one ("arrived in Orlando after the deadliest shooting in U.S. history": Orlando).
"of" after a locative preposition belongs to it ("inside of Iraq").

A name in no place phrase is a party or a topic of the sentence, never where the act happened: a subject
or object ("the United States said …", "asked Moscow for …"), a possessor of a person or a thing
("Japan's prime minister", "Bosnia's constitution"), a modifier of a thing ("U.S. beef imports"), or the
object of another preposition ("operated by China", "a dispute with Somalia"). A goal, origin or topic
preposition (`relational_preps`: "to", "from", "on", "into") makes a place phrase only beside the event
word itself ("sent troops to the border"); beside another word it tells where that thing goes, comes from
or bears on ("travel to Afghanistan", "imports from the United States", "tariffs on Mexico"), except the
"to" of a stay (`visit_nouns`), where what happens during it happens ("said during a visit to Scotland").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._event_places import ground
from newsgraph.extract.components.events._lexicon import Lexicon

_STANDS_FOR_HEAD = frozenset({"compound", "poss", "nmod", "appos", "conj"})
"""Dependencies by which a name stands for the noun it modifies or is set beside."""


def phrase_noun(name: Token, lex: Lexicon) -> Token:
    """Return the noun whose phrase a place name's root belongs to: the name itself, or the noun it
    modifies, is set beside, or is the "of" object of when that noun names ground ("the city of X")."""
    tok = name
    for _ in range(8):  # a name's chain of modifiers is short; the bound keeps a bad parse finite
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ in _STANDS_FOR_HEAD and head.pos_ in ("NOUN", "PROPN"):
            tok = head
        elif tok.dep_ == "pobj" and head.lower_ == "of" and _place_or_part(head.head, lex):
            tok = head.head
        else:
            break
    return tok


def _place_or_part(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun names ground or a part of a place, so that its "of" object says which place."""
    return ground(noun, lex) or noun.lemma_.lower() in lex.place_part_nouns


def place_rank(name: Token, anchors: set[int], lex: Lexicon) -> int | None:
    """Rank a place name as the place of an event anchored at `anchors`, best first: a name that is its
    phrase's own noun 1 (a place phrase of the event word) or 2 (elsewhere in the sentence), a name standing
    for the noun 3 or 4; None in no place phrase (a party or a topic)."""
    noun = phrase_noun(name, lex)
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ in lex.locative_preps:  # "inside of Iraq"
        prep = prep.head
    word = prep.lower_
    if word not in lex.locative_preps and word not in lex.relational_preps:
        return None
    stood_for = 0 if noun.i == name.i else 2
    if prep.head.i in anchors:
        return 1 + stood_for
    if word in lex.relational_preps and not _stay_goal(prep, lex):
        return None
    return 2 + stood_for


def _stay_goal(prep: Token, lex: Lexicon) -> bool:
    """Whether a preposition is the "to" of a stay somewhere ("during a visit to Scotland")."""
    return prep.lower_ == "to" and prep.head.lemma_.lower() in lex.visit_nouns
