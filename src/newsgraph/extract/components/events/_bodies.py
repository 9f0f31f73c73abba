"""A bare definite noun stands for the body the article just named by that noun: "the department"
after "the State Department", "the committee" after "the House Select Committee on Benghazi".

English refers back to a named organisation by its name's head noun with "the". `named_body` reads a
phrase of "the" and one singular noun (a possessive "'s" aside: "the committee's request") and
returns the organisation it stands for, when
- the organisation mentioned last before the phrase (an ORG entity with a name) has that noun as its
  name's head: the last word, or the last word before an of, for, on, to, in or at phrase ("Department
  of State", "Committee on Civil Liberties"); and
- no other organisation named before the phrase has that head (two departments compete: no guess).
Anything else ("the company" just after "Apple", whose name says nothing of its kind; "the group"
after another body; "the Spanish company") stays as it is.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract.extensions import get_entities
from newsgraph.models import Entity

_QUALIFIER = re.compile(r"\s(?:of|for|on|to|in|at)\s", re.IGNORECASE)


def named_body(doc: Doc, head: Token, start: int) -> Entity | None:
    """The organisation a bare "the <noun>" starting at character `start` stands for, else None."""
    if not _bare(head):
        return None
    noun = head.lemma_.lower()
    last: tuple[int, Entity] | None = None
    heads: list[Entity] = []
    for entity in get_entities(doc):
        if entity.type != "ORG" or all(m.kind != "name" for m in entity.mentions):
            continue
        before = [m.start for m in entity.mentions if m.kind != "pronoun" and m.end <= start]
        if not before:
            continue
        if _name_head(entity.name) == noun:
            heads.append(entity)
        if last is None or max(before) > last[0]:
            last = (max(before), entity)
    if last is None or len(heads) != 1 or heads[0] is not last[1]:
        return None
    return last[1]


def _bare(head: Token) -> bool:
    """Whether a noun phrase is "the" and the singular noun alone (and a possessive's "'s")."""
    if head.tag_ not in ("NN", "NNP"):
        return False
    kids = list(head.children)
    lefts = [c for c in kids if c.i < head.i]
    rights = [c for c in kids if c.i > head.i and not c.is_punct]
    return [c.lower_ for c in lefts] == ["the"] and all(c.dep_ == "case" for c in rights)


def _name_head(name: str) -> str:
    """The head noun of an organisation's name, lower-case ("Department of State" → "department")."""
    words = _QUALIFIER.split(name, maxsplit=1)[0].split()
    return words[-1].lower() if words else ""
