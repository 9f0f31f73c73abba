"""Which entity a speaker phrase is: its head's, not one that sits in a modifier of a common noun.

"The health ministry of Israel said", "India's health ministry said", "Farmers near Paris said": the
phrase names a body or a group, and the place inside it is no name of the speaker. When the phrase's
head (its parse root) is a common noun — written in lower case, or a head noun of speaker
descriptions ("Mayor", "Farmers", "Institute") — an entity that reaches the head through a
preposition or a possessive ("of Israel", "India's"), or a place or people as a modifier ("the
South African ministry", "the Australian Strategic Policy Institute"), is not the speaker. An
organisation before its kind of body ("the Associated Press news agency") is the body itself, and
a coordinated or appositive name ("ICE and DHS") is one of the speakers; a part of a whole
("Majorities of Democrats") is the whole's. A proper-name head ("The Huffington Post's Scott
Conroy") is left as it was.

A phrase the parse reads as a name only because its first word opens the sentence ("Farmers near
Paris", a word no name the parser saw covers) is a description.

Data: `speaker_nouns.json` (`person`, `organisation`, `partitive`) through `QuoteLexicon`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.quotes.lexicon import QuoteLexicon
from newsgraph.extract.extensions import entity_in_tokens
from newsgraph.models import Entity

_OWNER_DEPS = frozenset({"prep", "pobj", "poss", "case", "agent"})
"""Relations by which a noun hangs on another as a place, an owner or a whole ("of Israel", "India's")."""
_SAME_DEPS = frozenset({"conj", "cc", "appos", "flat", "punct"})
"""Relations by which a name is (one of) the phrase itself: a coordinated or appositive name."""
_PLACE_TYPES = frozenset({"GPE", "LOC", "NORP", "FAC"})
"""Entity types of places and peoples: a modifier of a body's noun ("South African ministry")."""


def speaker_entity(lex: QuoteLexicon, doc: Doc, s: int, e: int) -> Entity | None:
    """Return the entity a name speaker phrase (tokens [s, e)) is, None when no entity is it."""
    root = doc[s:e].root
    entity = entity_in_tokens(doc, root.i, root.i + 1)
    if entity is not None or not common_head(lex, root):
        return entity if entity is not None else entity_in_tokens(doc, s, e)
    for i in range(e - 1, s - 1, -1):
        found = entity_in_tokens(doc, i, i + 1)
        if found is not None and not _modifier(doc, found, doc[i], root):
            return found
    return None


def common_head(lex: QuoteLexicon, tok: Token) -> bool:
    """Whether a phrase's head word is a common noun: in lower case, a head noun of speaker
    descriptions whatever its case ("Mayor", "Committees"), or a word capitalised only as its
    sentence's first that no name the parser saw covers ("Ranchers near …"). A part of a whole
    ("Majorities of Democrats", `partitive`) is none: the whole speaks."""
    if _forms(tok) & lex.partitives:
        return False
    if not tok.text[:1].isupper():
        return tok.is_alpha
    if (tok.is_sent_start or tok.i == 0) and not tok.ent_type_:
        return True
    return bool(_forms(tok) & (lex.person_nouns | lex.org_nouns))


def opening_noun(doc: Doc, s: int, e: int) -> bool:
    """Whether a phrase (tokens [s, e)) with a name in a modifier has as head its first word,
    capitalised only as its sentence's first word, no name the parser saw ("Farmers near Paris,
    Texas, said …"); a one-word name opening a sentence ("Fukuda also warned") is none."""
    root = doc[s:e].root
    return (
        root.i == s
        and (root.is_sent_start or root.i == 0)
        and not root.ent_type_
        and entity_in_tokens(doc, s, e) is not None
    )


def _forms(tok: Token) -> set[str]:
    """A word in lower case, its lemma and its singular ("Farmers" → "farmer", "Majorities" → "majority")."""
    low = tok.lower_
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else low
    return {low, tok.lemma_.lower(), singular}


def _modifier(doc: Doc, entity: Entity, tok: Token, root: Token) -> bool:
    """Whether the entity at `tok` hangs on the phrase's head as its owner, place or people."""
    deps: list[str] = []
    t = tok
    for _ in range(len(doc)):
        if t.i == root.i or t.head.i == t.i:
            break
        if entity_in_tokens(doc, t.head.i, t.head.i + 1) is not entity:
            deps.append(t.dep_)
        t = t.head
    if any(d in _OWNER_DEPS for d in deps):
        return True
    return entity.type in _PLACE_TYPES and any(d not in _SAME_DEPS for d in deps)


def appositive_person(doc: Doc, e: int) -> Entity | None:
    """Return the person named in apposition right after a description (tokens ending at `e`):
    "Chief Health Officer for PEI, Dr. Lamont Sweet, said …"; only title words may come between
    the comma and the name."""
    if e >= len(doc) or doc[e].text != ",":
        return None
    for j in range(e + 1, min(e + 4, len(doc))):
        found = entity_in_tokens(doc, j, j + 1)
        if found is not None:
            return found if found.type == "PERSON" else None
        if not (doc[j].is_title and (doc[j].is_alpha or doc[j].text.endswith("."))):
            return None
    return None
