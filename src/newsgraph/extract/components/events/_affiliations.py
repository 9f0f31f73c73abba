"""The sector of a generic actor whose head noun is a profession or an office held in a body.

The head noun decides an actor's sector; a modifier only narrows it, and how depends on the head:
- A profession noun (`profession_nouns`: "analyst", "expert", "researcher") names what a person does,
  and its modifier names the field: a "security analyst" studies security and is no soldier, a "legal
  expert" is no judge. The field is no sector, so the modifier sets none (`fixes_field`); the
  profession's own sector does (`profession_sector`).
- An office noun (`office_nouns`: "official", "executive", "spokesman", "leader") is held in a body,
  and the body decides the sector. The body is named by a compound or a possessive ("Boeing
  officials", "the company's executives", "gang leaders") or by an "of"/"at"/"for"/"with"/"from"
  phrase ("officials at the bank"). Only a private body (a business, a church, a gang:
  `PRIVATE_BODY_SECTORS`) changes it; a public body already gives the sector the office noun has
  ("military spokesman", "Health Ministry officials"). A named person's office is held in the body the
  entities component affiliates the person with ("Tim Walker, chief executive of Exxon Mobil"):
  `private_affiliation`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_by_id
from newsgraph.knowledge import longest_agent_match, longest_match
from newsgraph.models import Entity

PRIVATE_BODY_SECTORS = frozenset({"business", "religious", "criminal"})
_BODY_DEPS = frozenset({"compound", "nmod", "poss"})
_BODY_PREPS = frozenset({"of", "at", "for", "with", "from"})


def fixes_field(head: Token, lex: Lexicon) -> bool:
    """Whether a phrase's head is a profession noun, whose modifier names a field, not a sector."""
    return head.lemma_.lower() in lex.profession_nouns


def profession_sector(head: Token, lex: Lexicon) -> str | None:
    """The sector of a profession noun ("analyst" -> civilian), None for another noun."""
    return lex.profession_nouns.get(head.lemma_.lower())


def body_sector(head: Token, lex: Lexicon) -> str | None:
    """The private sector of the body an office noun is held in ("Boeing officials" -> business,
    "officials at the bank" -> business, "gang leaders" -> criminal), else None."""
    if head.lemma_.lower() not in lex.office_nouns:
        return None
    for words, at in body_phrases(head):
        sector = _body_type(words, at, lex)
        if sector is not None:
            return sector if sector in PRIVATE_BODY_SECTORS else None
    return None


def private_affiliation(doc: Doc, person: Entity) -> bool:
    """Whether a person's affiliation is a known private body (Phoenix: "Apple Inc.", "Exxon Mobil")."""
    body = entity_by_id(doc, person.affiliation) if person.affiliation is not None else None
    if body is None:
        return False
    names = {body.name, *body.aliases, *(m.text for m in body.mentions)}
    return any(_known_sector(name.split()) in PRIVATE_BODY_SECTORS for name in names)


def _known_sector(words: list[str]) -> str | None:
    """The sector of a known actor named by all of `words`, if any."""
    found = longest_match(words, 0)
    return found[1].sector if found is not None and found[0] == len(words) else None


def body_phrases(head: Token) -> list[tuple[list[Token], int]]:
    """The phrases that may name an office's body, each with the index of its head: the modifiers
    before it up to its last compound or possessor ("Central bank officials", "the company's senior
    executives"), then the objects of its "of"/"at"/"for"/"with"/"from" phrases."""
    found: list[tuple[list[Token], int]] = []
    bodies = [c for c in head.lefts if c.dep_ in _BODY_DEPS]
    if bodies:
        start = min(t.left_edge.i for t in head.lefts)
        found.append((_words(head.doc[start : bodies[-1].i + 1]), bodies[-1].i))
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in _BODY_PREPS:
            found += [(_words(p.doc[p.left_edge.i : p.i + 1]), p.i) for p in c.children if p.dep_ == "pobj"]
    return found


def _words(span: Span) -> list[Token]:
    """The words of a body's phrase, without its articles, its possessive mark and its punctuation."""
    return [t for t in span if t.dep_ != "case" and t.pos_ not in ("DET", "PUNCT")]


def _body_type(tokens: list[Token], head: int, lex: Lexicon) -> str | None:
    """The sector of a body: a known name's (Phoenix actors: "Boeing", "Newmont Mining"), else its
    head noun's (Phoenix agents, this project's sector nouns: "company", "central bank", "gang")."""
    words = [t.text for t in tokens]
    at = next((k for k, t in enumerate(tokens) if t.i == head), None)
    if at is None:
        return None
    for i in range(len(words)):
        found = longest_match(words, i)
        if found is not None and i <= at < found[0]:
            return found[1].sector
    for i in range(at + 1):
        agent = longest_agent_match(words, i)
        if agent is not None and agent[0] == at + 1 and agent[1].sector is not None:
            return agent[1].sector
    return lex.sector_nouns.get(tokens[at].lemma_.lower())
