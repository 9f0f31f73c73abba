""" "His group", "her company": the organisation of the person the sentence names with it.

News names a person with the organisation they work for ("RoseAnn DeMoro, executive director of National
Nurses United, also said her group plans …"; "Matthew Prince, chief executive of CloudFlare, said …
activists criticized his company") and goes on with a possessive and a noun for an organisation.
`possessed_body` reads a phrase of "his" or "her" and a singular organisation noun alone (a generic one,
`anaphoric_nouns` in `event_actors.json`, or one of `possessed_org_nouns` in `event_rules.json`; "own"
aside) and returns the possessor's organisation: the possessor is the person the pronoun is a mention of
(the entities component), else the subject of the nearest verb above the phrase when that is a named
person ("X said his group …"); the organisation is the person's affiliation, and it must be named in
the phrase's own sentence, so the affiliation is the one the sentence gives and not one the person had
before ("former NATO Secretary General Anders Fogh Rasmussen … his organization" stays).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.extensions import entity_at_token, entity_by_id
from newsgraph.models import Entity

_PERSONAL = frozenset({"his", "her"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})


def possessed_body(doc: Doc, head: Token, nouns: frozenset[str]) -> Entity | None:
    """The organisation "his group" stands for, when the sentence names it with the possessor."""
    if head.tag_ != "NN" or head.lemma_.lower() not in nouns:
        return None
    lefts = list(head.lefts)
    owners = [c for c in lefts if c.dep_ == "poss" and c.lower_ in _PERSONAL]
    rights = [c for c in head.rights if not c.is_punct and not _clause(c)]
    if len(owners) != 1 or any(c not in owners and c.lower_ != "own" for c in lefts) or rights:
        return None  # "his new group", "his group of advisers": words of its own
    person = _possessor(doc, owners[0], entity_at_token(doc, head.i))
    if person is None or person.affiliation is None:
        return None
    body = entity_by_id(doc, person.affiliation)
    sent = head.sent
    if body is None or body.type != "ORG":
        return None
    named = any(m.kind == "name" and sent.start_char <= m.start < sent.end_char for m in body.mentions)
    return body if named else None


def _clause(tok: Token) -> bool:
    """Whether a right modifier is a gerund clause the parse hung on the noun ("accused his company of
    dumping waste"), no words that pick the organisation out."""
    return tok.dep_ == "prep" and all(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in tok.children)


def _possessor(doc: Doc, pron: Token, phrase: Entity | None) -> Entity | None:
    """The person a possessive pronoun stands for: its entity (not the phrase's own, "her group"), else
    the named subject of a verb above it."""
    own = entity_at_token(doc, pron.i)
    if own is not None and own is not phrase:
        return own if own.type == "PERSON" else None
    for verb in pron.ancestors:
        subjects = [c for c in verb.children if c.dep_ in _SUBJ and c.i < pron.i]
        if not subjects:
            continue
        found = entity_at_token(doc, subjects[0].i)
        if found is not None and found.type == "PERSON" and any(m.kind == "name" for m in found.mentions):
            return found
    return None  # "his" is a person's: a subject that names no one person is passed over
