"""A definite description that stands for the organisation named before it.

News names an organisation once and refers to it again by a definite noun phrase: a bare "the group"
or "the movement", or "the" with words that describe the organisation's kind, "the separatist group"
(the Baloch Liberation Army), "the militant group" (al-Shabaab), "the regional body" (ECOWAS), "the
rights group" (Human Rights Watch). A bare description (head in `anaphoric_nouns`) stands for the
organisation named last before it. A described one stands for the nearest organisation named before it
that is of the kind it describes (`lexicons/org_descriptions.json`): every modifier must be a word of
that kind (a proper noun, a nationality or any other word leaves it alone), the head noun must fit the
kind, and the named organisation must be a known actor (Phoenix) of the kind's sector, so a news agency,
the article's own outlet or an unknown name is never taken for it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_at_token, get_entities
from newsgraph.extract.lexicons import load_json
from newsgraph.knowledge import longest_match
from newsgraph.models import Entity

_ORG_INDEX = "newsgraph_events_org_index"
_REACH = 3000  # characters back to the organisation a description may stand for
_MAX_LOOK = 8  # named organisations looked at back from a described one


@dataclass(frozen=True, slots=True)
class _Kind:
    """A kind of organisation a description names: its modifiers, head nouns and Phoenix sectors."""

    modifiers: frozenset[str]
    heads: frozenset[str]
    sectors: frozenset[str]


@cache
def _kinds() -> tuple[_Kind, ...]:
    """The kinds of `org_descriptions.json`."""
    data = load_json("org_descriptions.json")["kinds"]
    return tuple(
        _Kind(frozenset(k["modifiers"]), frozenset(k["heads"]), frozenset(k["sectors"]))
        for k in data.values()
    )


@cache
def _described_heads() -> frozenset[str]:
    """Every head noun a described organisation may have (the cheap first test)."""
    return frozenset(h for k in _kinds() for h in k.heads)


def org_antecedent(
    doc: Doc, h: Token, left_kids: Callable[[Token], list[Token]], lex: Lexicon
) -> Entity | None:
    """The organisation named before `h` that the definite description `h` heads stands for, or None
    (`left_kids` gives a token's left children, read only for a head noun of a description)."""
    lemma = h.lemma_.lower()
    if lemma not in lex.anaphoric_nouns and lemma not in _described_heads():
        return None
    if h.tag_ == "NNS" and h.lower_ not in lex.anaphoric_nouns:
        return None  # "the parties", "the rights groups": several, not the one named ("the rebels" is listed)
    lefts = left_kids(h)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in lefts) or _named_at(doc, h):
        return None
    mods = [c for c in lefts if c.dep_ != "det"]
    if not mods:
        return _bare_antecedent(doc, h, lemma) if lemma in lex.anaphoric_nouns else None
    kind = _kind_of(h, lemma, mods)
    return _described_antecedent(doc, h, kind) if kind is not None else None


def _bare_antecedent(doc: Doc, h: Token, lemma: str) -> Entity | None:
    """The organisation named last before a bare "the group", passing over news outlets (unless the
    head itself is a news word: "the network" may be CNN)."""
    news = lemma in _media_data()[1]
    return next((e for e in _named_before(doc, h.idx) if news or not _outlet(e)), None)


def _described_antecedent(doc: Doc, h: Token, kind: _Kind) -> Entity | None:
    """The nearest organisation named before `h` that is a known actor of the description's kind."""
    for n, entity in enumerate(_named_before(doc, h.idx)):
        if n >= _MAX_LOOK:
            break
        if org_sector(entity) in kind.sectors:
            return entity
    return None


def _named_at(doc: Doc, h: Token) -> bool:
    """Whether `h` is in a name; the parser's tag on a description ("the separatist group") is none."""
    entity = entity_at_token(doc, h.i)
    return entity is not None and any(m.kind == "name" for m in entity.mentions)


def _kind_of(h: Token, lemma: str, mods: list[Token]) -> _Kind | None:
    """The kind every modifier of `h` describes, when its head fits it and nothing right of it names one."""
    if any(c.dep_ == "appos" or c.pos_ == "PROPN" for c in h.rights):
        return None  # "the militant group Hamas": the name is given
    words = {m.lower_ for m in mods}
    if any(m.pos_ == "PROPN" or m.ent_type_ for m in mods):
        return None  # "the Syrian Kurdish militia", "the UN health body": another name
    return next((k for k in _kinds() if lemma in k.heads and words <= k.modifiers), None)


def _named_before(doc: Doc, at: int) -> Iterator[Entity]:
    """The organisations named before character `at` within reach, nearest first (one per name)."""
    index = _org_index(doc)
    pos = bisect_left(index, at, key=lambda x: x[0]) - 1
    seen: set[str] = set()
    while pos >= 0 and at - index[pos][0] <= _REACH:
        entity: Entity = index[pos][1]
        if entity.id not in seen:
            seen.add(entity.id)
            yield entity
        pos -= 1


def _org_index(doc: Doc) -> list[tuple[int, Entity]]:
    """(mention start, entity) of the organisations' names, built once per doc."""
    index: list[tuple[int, Entity]] | None = doc.user_data.get(_ORG_INDEX)
    if index is None:
        index = sorted(
            (
                (m.start, e)
                for e in get_entities(doc)
                if e.type == "ORG"
                for m in e.mentions
                if m.kind == "name"
            ),
            key=lambda x: x[0],
        )
        doc.user_data[_ORG_INDEX] = index
    return index


@cache
def _media_data() -> tuple[frozenset[str], frozenset[str]]:
    """The words of `org_descriptions.json` that make a name a news outlet's, and its media heads."""
    data = load_json("org_descriptions.json")
    return frozenset(data["media_name_words"]), frozenset(data["media_heads"])


def _outlet(entity: Entity) -> bool:
    """Whether a named organisation is a news outlet (a medium's word in its name, or Phoenix's media)."""
    media = _media_data()[0]
    if any(w.lower() in media for w in entity.name.split()):
        return True
    return org_sector(entity) == "media"


def org_sector(entity: Entity) -> str | None:
    """The sector of a named organisation: the entities component's, else the Phoenix actor's of its names."""
    if entity.sector is not None:
        return entity.sector
    for name in (entity.name, *entity.aliases):
        sector = _known_sector(name)
        if sector is not None:
            return sector
    return None


@lru_cache(maxsize=1 << 12)
def _known_sector(name: str) -> str | None:
    """The Phoenix sector of the actor a whole name names ("Baloch Liberation Army" -> rebel), else None."""
    words = name.split()
    if words and words[0][:1].islower():
        words[0] = words[0][:1].upper() + words[0][1:]  # "al-Shabaab" as in the dictionary
    found = longest_match(words, 0)
    return found[1].sector if found is not None and found[0] == len(words) else None
