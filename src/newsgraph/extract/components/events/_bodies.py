"""A bare definite noun stands for the body the article just named by that noun: "the department"
after "the State Department", "the committee" after "the House Select Committee on Benghazi".

English refers back to a named organisation by its name's head noun with "the". `named_body` reads a
phrase of "the" and one singular noun (a possessive "'s" aside: "the committee's request") and
returns the organisation it stands for, when
- the organisation mentioned last before the phrase (an ORG entity with a name) has that noun as its
  name's head: the last word, or the last word before an of, for, on, to, in or at phrase ("Department
  of State", "Committee on Civil Liberties"); and
- no other organisation named before the phrase has that head (two departments compete: no guess),
  unless it alone of them is mentioned in the phrase's sentence or the one before ("the agency" just
  after "the International Energy Agency", "the International Renewable Energy Agency" further back).
The organisation of that head stands for the phrase too when other organisations were mentioned since
("the Blantyre Girls Primary School refused …; the Malawi High Court ordered the school …", "the UN
Security Council … urged the council"), unless one more of that head was spoken of since its last mention
(a name, "the Supreme Court"; or one singular, "a school", "the largest labor union"; not a plural, "all
public schools", nor a noun without a determiner, "back from school"), or an organisation of the
noun's sector was mentioned since ("the company" after "Ford Motor Company … Apple"), or the noun is a
state's own force ("the army" later in an article on the "Baloch Liberation Army" is the country's army)
or a generic word for any organisation ("the group", "the party": `anaphoric_nouns`, read by
`_org_descriptions`).
Anything else ("the company" just after "Apple", whose name says nothing of its kind; "the group"
after another body; "the Spanish company") stays as it is.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._org_descriptions import org_sector
from newsgraph.extract.extensions import get_entities
from newsgraph.models import Entity

_QUALIFIER = re.compile(r"\s(?:of|for|on|to|in|at)\s", re.IGNORECASE)


def named_body(
    doc: Doc, head: Token, start: int, last_only: frozenset[str], sectors: dict[str, str]
) -> Entity | None:
    """The organisation a bare "the <noun>" starting at character `start` stands for, else None
    (`last_only`: the nouns read back only to the organisation mentioned last; `sectors`: a generic
    actor noun's sector)."""
    if not bare(head):
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
    if last is None or not heads:
        return None
    if last[1] in heads and (len(heads) == 1 or _alone_lately(doc, head, last[1], heads)):
        return last[1]
    if len(heads) != 1:
        return None
    if noun in last_only or _another_since(doc, head, heads[0], start):
        return None
    if _kind_since(doc, heads[0], start, sectors.get(noun)):
        return None
    return heads[0]


def _alone_lately(doc: Doc, head: Token, entity: Entity, heads: list[Entity]) -> bool:
    """Whether `entity`, one of several bodies of the noun, is the only one mentioned in the phrase's own
    sentence (before it) and the sentence before ("the agency" just after "the International Energy
    Agency", the "International Renewable Energy Agency" further back)."""
    sent = head.sent
    since = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    return all(
        any(m.kind != "pronoun" and since <= m.start < head.idx for m in e.mentions) == (e is entity)
        for e in heads
    )


def _kind_since(doc: Doc, entity: Entity, start: int, sector: str | None) -> bool:
    """Whether an organisation of the noun's sector is mentioned between `entity`'s last mention and
    `start` ("the company" after "Ford Motor Company … Apple": Apple is a company too)."""
    if sector is None:
        return False
    since = max(m.end for m in entity.mentions if m.kind != "pronoun" and m.end <= start)
    return any(
        other is not entity
        and other.type == "ORG"
        and org_sector(other) == sector
        and any(m.kind != "pronoun" and since <= m.start < start for m in other.mentions)
        for other in get_entities(doc)
    )


def _another_since(doc: Doc, head: Token, entity: Entity, start: int) -> bool:
    """Whether one more body of `head`'s noun is spoken of between `entity`'s last mention and `start`."""
    spans = [(m.start, m.end) for m in entity.mentions if m.kind != "pronoun"]
    since = max(e for s, e in spans if e <= start)
    noun = head.lemma_.lower()
    for t in doc[: head.i]:
        if (
            t.idx >= since
            and t.lemma_.lower() == noun
            and _one(t)
            and not any(s <= t.idx < e for s, e in spans)
        ):
            return True
    return False


def _one(t: Token) -> bool:
    """Whether a word speaks of one body that may be another: a name's, or a singular with a determiner
    other than the bare "the <noun>" (a plural or a noun with no determiner speaks of no one body)."""
    if t.tag_ in ("NNP", "NNPS"):
        return True
    dets = [c for c in t.lefts if c.dep_ in ("det", "poss")]
    return t.tag_ == "NN" and bool(dets) and not bare(t)


def bare(head: Token) -> bool:
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
