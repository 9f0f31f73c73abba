"""A demonym that owns a thing names its country: "tariffs on Canadian and Mexican exports" are aimed at
Canada and Mexico, "opposes Chinese investment" at China, "will buy Russian aircraft" from Russia.

English names a country's goods, money, deals and acts by the country's adjective as often as by its
name ("Chinese exports", "China's exports"); CAMEO and PLOVER code the state either way. The actor
resolver links such a side to the demonym's own entity (the NORP "Chinese", a people's name), and
`OwnerSides` narrows the side's words to the demonym. `DemonymCountries.sides` gives the side the
article's entity of the demonym's country (`countries.tsv`, `country`): a place entity named by the
country's own name ("China"), else the one place entity named by another name of it ("Beijing", "U.S.").
Each demonym of a coordination is a side of its own ("Canadian and Mexican exports": Canada ; Mexico),
and so is each of a hyphened pair ("Turkish-American cooperation": Turkey ; the United States).

Left as written: a country the article never names (no entity is made for it); a region's or a
continent's adjective ("European"), which names no country; a people's compound name ("Turkish-American
donations", one NORP); people ("Chinese steel makers", "Syrian refugees", "my Chinese colleague"), a
group of that people; and a body between the demonym and the thing ("a Turkish court ruling": the
court, `OwnerSides`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import Actor
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_by_id, get_entities
from newsgraph.models import Entity

_PLACE_TYPES = frozenset({"GPE", "LOC"})
_OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


class DemonymCountries:
    """Find the article's entity of a demonym's country (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar, thing: Callable[[Token], bool]) -> None:
        self.lex = lex
        self.g = grammar
        self.thing = thing  # a side's head that is an owned thing (`OwnerSides`)

    def sides(self, doc: Doc, actor: Actor) -> list[Actor]:
        """The countries of the demonyms that own a side that is a thing ("Canadian and Mexican exports":
        Canada ; Mexico), or of a side that is a demonym owning a thing ("buy Russian aircraft": Russia),
        each with its demonym's words; none unless the article names each of them."""
        entity = entity_by_id(doc, actor.entity) if actor.entity is not None else None
        if entity is None or entity.type != "NORP" or entity.name.lower() not in self.lex.demonyms:
            return []  # a demonym's own entity, not a people's compound name ("Turkish-American donations")
        head = doc[actor.head]
        if self.thing(head):
            words = [w for c in self.g.kids(head) if c.dep_ in _OWNER_DEPS for w in self.demonyms(c)]
        else:
            owned = head
            while owned.dep_ in _OWNER_DEPS and owned.lower_ in self.lex.demonyms:
                owned = owned.head  # "Turkish-American cooperation": Turkish, of the cooperation
            if owned is head or not (self.thing(owned) or owned.lemma_.lower() in self.lex.weapon_nouns):
                return []
            words = self.demonyms(head)
        out: list[Actor] = []
        for w in words:
            country = self.country(w)
            if country is None:
                return []  # a country the article does not name: the demonyms stay as written
            out.append(Actor(w.i, w.i, w.i + 1, w.text, country.id))
        return out

    def demonyms(self, mod: Token) -> list[Token]:
        """A demonym modifier and the demonyms conjoined with it ("Canadian and Mexican"), in order; none
        when `mod` is no demonym."""
        if mod.lower_ not in self.lex.demonyms:
            return []
        out = [mod]
        for c in self.g.kids(mod):
            if c.dep_ == "conj" and c.lower_ in self.lex.demonyms:
                out.extend(self.demonyms(c))
        return out

    def country(self, demonym: Token) -> Entity | None:
        """The article's place entity of a demonym's country, else None."""
        name = demonym.doc[demonym.left_edge.i : demonym.i + 1].text  # "North Korean", not "Korean"
        iso = self.lex.demonyms.get(name.lower())
        if iso is None:
            return None
        named = [
            e
            for e in get_entities(demonym.doc)
            if e.type in _PLACE_TYPES and self.lex.countries.get(e.name.lower()) == iso
        ]
        own = [e for e in named if e.name.lower() in self.lex.country_names]
        if own:
            return own[0]  # "China", not "Beijing"
        return named[0] if len(named) == 1 else None
