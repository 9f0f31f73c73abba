"""A target that is the source itself, or the source's own state, is no counterpart: "Sheinbaum sent troops to
Mexico's northern border" has no target, "North Korea's envoy defended Pyongyang and Moscow's treaty" the
target Moscow.

A political act is done by one party to another. A state does not mobilize against, support, attack or meet
itself; when the target a draft found is the source's own entity, or the state its source belongs to, the
phrase named a place or a part of the source ("Mexico's northern border", the envoy's own capital), not a
counterpart, and the target is dropped. The draft itself stays: it may still merge with another draft of
the same act ("after the breakdown of talks with Newmont, the residents and their lawyer decided to stop
negotiating": the "negotiating" draft's target, the lawyer, is the residents' own entity). A part of a state
does aim some acts at that state itself: lawmakers ask their own government to act, officials accuse it,
citizens protest against it (`inward_types` in `event_rules.json`); those keep it.

The source's state is read from its entity (a country or its capital; a group's country; the country or people
a person's affiliation names) or from a country name or demonym modifying the source's head ("North Korea's
envoy", "Azerbaijani authorities"); a target's from its entity's name (`countries.tsv`: country names and the
capitals standing for them). Every source must belong to the one state: "Russia and North Korea" have no
single home.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.components.events._actors import Actor
from newsgraph.extract.components.events._drafting import Draft
from newsgraph.extract.components.events._entity_tags import ents_within
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_by_id


def drop_own_state(doc: Doc, d: Draft, lex: Lexicon) -> None:
    """Drop the targets of a draft that are one of its sources' entities or its sources' one home state."""
    if not d.sources or not d.targets:
        return
    selves = {a.entity for a in d.sources if a.entity}
    homes = {_home(doc, a, lex) for a in d.sources}
    home = next(iter(homes)) if len(homes) == 1 and d.type not in lex.inward_types else None
    d.targets = [
        a for a in d.targets if a.entity not in selves and (home is None or _state(doc, a, lex) != home)
    ]


def _home(doc: Doc, actor: Actor, lex: Lexicon) -> str | None:
    """The ISO code of the state an actor belongs to, else None."""
    entity = entity_by_id(doc, actor.entity)
    if entity is not None:
        if entity.type == "GPE" and entity.name.lower() in lex.countries:
            return lex.countries[entity.name.lower()]
        if entity.country:
            return entity.country
        owner = entity_by_id(doc, entity.affiliation)
        if owner is not None:
            name = owner.name.lower()
            if name in lex.countries or name in lex.demonyms:
                return lex.countries.get(name) or lex.demonyms[name]
    mods = doc[actor.start : actor.head + 1]  # the head and its modifiers: "North Korea's envoy"
    for ent in ents_within(doc, mods.start, mods.end):
        name = ent.text.lower().removesuffix("'s").removesuffix("’s")
        if ent.label_ in ("GPE", "NORP") and (name in lex.countries or name in lex.demonyms):
            return lex.countries.get(name) or lex.demonyms[name]
    for tok in mods:
        if tok.lower_ in lex.demonyms:
            return lex.demonyms[tok.lower_]
    return None


def _state(doc: Doc, actor: Actor, lex: Lexicon) -> str | None:
    """The ISO code of the state an actor's entity names (a country or its capital), else None."""
    entity = entity_by_id(doc, actor.entity)
    if entity is None or entity.type not in ("GPE", "LOC"):
        return None
    return lex.countries.get(entity.name.lower())
