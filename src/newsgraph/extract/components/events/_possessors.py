"""The owner of a possessed actor ("their troops", "our soldiers", "his army"), and when it is not the doer.

An actor noun owned by a possessive pronoun stands for the pronoun's antecedent when that antecedent
is a body that has such members: "Russia said its forces had crossed the border", "the rebels said
their fighters held the town" (CAMEO codes a country's forces as the country). A person owns no
force, no government and no party: in a commissioner's "our soldiers shot two militants", "the
president said his government would act" or "the general said his troops advanced", the soldiers, the
government and the troops did it, not the speaker, the president or the general. Such an actor is the
noun's own group, typed by its sector and by the person's country (`ActorFinder` links it). A
one-person possessive ("his", "her") always names a person; "our" and "their" do when they resolve to
one (a quote's speaker, one person named by office). "my" is never read as an owner ("my government"
is the government). Civilians are no one's agents ("urged its residents"), and a listed owner is a
side of its own ("Dodik and his aides"): neither is read as owned.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actor_types import sector_country
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._lists import in_list
from newsgraph.extract.extensions import entity_by_id

_OWNING = frozenset({"their", "its", "his", "her", "our"})
_ONE_PERSON = frozenset({"his", "her"})


def owning_pronoun(h: Token, g: Grammar, lex: Lexicon) -> Token | None:
    """The possessive pronoun that owns a force or a body ("their forces": "their"), else None. A
    possessor that is a name is followed to its own pronoun ("their country's army")."""
    if lex.sector_nouns.get(h.lemma_.lower(), "civilian") == "civilian" or in_list(h):
        return None  # "Dodik and his aides": a side of its own
    poss = next((c for c in g.kids(h) if c.dep_ == "poss"), None)
    while poss is not None and poss.pos_ != "PRON":
        poss = next((c for c in g.kids(poss) if c.dep_ == "poss"), None)
    return poss if poss is not None and poss.lower_ in _OWNING else None


def person_owner(doc: Doc, pron: Token, owners: list[tuple[str | None, Token, int]], lex: Lexicon) -> bool:
    """Whether the owner a possessive resolved to is a person: a one-person pronoun ("his", "her"), an
    antecedent linked to a person's entity (a quote's speaker of "our"), or one person named by office
    ("the provincial governor", "the army chief"). `owners` holds the antecedent's actors as (entity
    id, head, phrase start)."""
    if not owners:
        return False
    if pron.lower_ in _ONE_PERSON:
        return True
    return any(
        _type(doc, entity) == "PERSON" or (head.tag_ == "NN" and head.lemma_.lower() in lex.title_nouns)
        for entity, head, _ in owners
    )


def owner_country(
    doc: Doc, owners: list[tuple[str | None, Token, int]], lex: Lexicon, g: Grammar
) -> str | None:
    """The country of a person who owns a force: the person's entity's, else that of the body it belongs
    to, else the one its own phrase gives ("the Afghan army chief": AF). `owners` holds the antecedent's
    actors as (entity id, head, phrase start)."""
    for entity_id, head, start in owners:
        entity = entity_by_id(doc, entity_id)
        body = entity_by_id(doc, entity.affiliation) if entity is not None else None
        for known in (entity, body):
            if known is not None and known.country is not None:
                return known.country
        country = sector_country(head, start, lex, g)[1] if head.pos_ == "NOUN" else None
        if country is not None:
            return country
    return None


def give_country(doc: Doc, entity_id: str | None, country: str | None) -> None:
    """Give a person's force its owner's country, when its own words give none."""
    group = entity_by_id(doc, entity_id) if country is not None else None  # almost always no country
    if group is not None and group.type == "GROUP" and group.country is None:
        group.country = country


def _type(doc: Doc, entity_id: str | None) -> str | None:
    entity = entity_by_id(doc, entity_id)
    return entity.type if entity is not None else None
