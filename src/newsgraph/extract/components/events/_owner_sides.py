"""A side that is a thing owned by an actor names its owner ("U.S. operations": the U.S.).

CAMEO and PLOVER code the actor, not the thing: "imposed controls on U.S. operations" has the target
the United States, "opposes Chinese investment" China, "dismissed the U.N. findings" the U.N. The actor
resolver most often links such a side to the entity of the name, demonym or possessor owning the thing;
`OwnerSides.name_owners` then makes the side's words and tokens those of that owner's mention, so that the
stored side and the evidence highlight name the actor, not the thing. It runs once every rule that reads
a side as a thing has read it (harm to things only, an assault on things giving way to the people hit).

Only a common noun that is no actor is read as a thing: no actor noun ("Pakistani officials" stay as
written), no body, no agent noun ("Obama enthusiasts"), no other party ("the al-Qaeda offshoot",
`other_party_nouns`) and no place ("Mexico's border": where, not whose).
Only an owner that is the side's own entity is named, as a whole name ("the CROIX DES BOUQUETS jailbreak"
is not Croix's), and a body between them is named with it ("a Turkish court ruling": the Turkish court).
What an assault hit or a seizure took stays the thing it hit ("attacked a Russian ship", as `TargetFinder`
keeps it); a limit on a thing ("controls on U.S. operations") is aimed at its owner. A town or region
modifying the thing says where, not whose ("the Bouake office", `place_modifier`), and so does the
country beside it in an address ("a Midland, Michigan, USA newspaper office"); a possessive pronoun is
left to `_possessors`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import Actor, ActorFinder
from newsgraph.extract.components.events._demonym_countries import DemonymCountries
from newsgraph.extract.components.events._drafting import Draft
from newsgraph.extract.components.events._entity_tags import ent_at
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._noun_doers import place_modifier
from newsgraph.extract.components.events._pronouns import body_nouns
from newsgraph.extract.components.events._targets import HIT_TYPES
from newsgraph.extract.extensions import entity_by_id

_OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
"""The modifiers of a thing that can name its owner ("Russia's", "U.S.", "Chinese")."""
_AGENT_SUFFIXES = ("er", "or", "ist", "ast", "ary", "ee", "ian", "ant", "ent")
"""The endings of English agent nouns: a word so formed names a person as often as a thing ("winner",
"predecessor", "revolutionary", "enthusiast", "agent"; "computer"), and is not read as a thing."""
_THING_SUFFIXES = ("ment",)
"""The endings of nouns of acts and things among those ("investment", "statement")."""


class OwnerSides:
    """Make a side that is an owned thing name its owner (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar, actors: ActorFinder) -> None:
        self.lex = lex
        self.g = grammar
        self.actors = actors
        self.countries = DemonymCountries(lex, grammar, self._thing)
        places = lex.territory_nouns | lex.place_nouns
        self.not_things = places | body_nouns() | lex.not_people_nouns | lex.other_party_nouns
        """Heads no side is read as an owned thing by: places, bodies, words as often a person as a thing, and
        the nouns of another party ("NCLB's replacement" is not NCLB)."""

    def name_owners(self, doc: Doc, d: Draft) -> None:
        """Replace each owned thing among a draft's sides by its owner's mention, a demonym by its country
        (`_demonym_countries`); what an assault hit or a seizure took stays the thing it hit ("attacked a
        U.S. Marine barracks", `TargetFinder`)."""
        d.sources = self._owners(doc, d.sources)
        limits = d.type == "COERCE" and d.mode in self.lex.limit_modes
        if d.type not in HIT_TYPES or limits:
            d.targets = self._owners(doc, d.targets)

    def _owners(self, doc: Doc, actors: list[Actor]) -> list[Actor]:
        """Each side as its owner, or as its demonyms' countries, each country once ("the Syrian and Yemeni
        wars": Syria ; Yemen, from the sides "Syrian" and "Yemeni")."""
        out: list[Actor] = []
        read: set[int] = set()  # the demonyms read as their countries
        for a in actors:
            if a.head in read:
                continue  # "Yemeni" of "Syrian and Yemeni", read with "Syrian"
            countries = self.countries.sides(doc, a)
            read.update(c.head for c in countries)
            if not countries:
                out.append(self._owner(doc, a))
            out += [c for c in countries if all(c.entity != o.entity for o in out)]
        return out

    def _owner(self, doc: Doc, actor: Actor) -> Actor:
        if actor.entity is None:
            return actor
        head = doc[actor.head]
        if not self._thing(head):
            return actor
        mods = self._modifiers(head)
        if any(place_modifier(mod, self.lex) for mod, _ in mods):
            return actor  # "a Midland, Michigan, USA newspaper office": an address, where the thing is
        for mod, body in mods:
            span = self._mention(doc, mod, actor)
            if span is None:
                continue
            start, end = span if body is None else self.actors.compact(body)  # "a Turkish court ruling"
            while end - 1 > start and doc[end - 1].tag_ == "POS":
                end -= 1  # "Ronald Reagan’s": Ronald Reagan
            if actor.start <= start and end <= actor.end:
                return replace(actor, start=start, end=end, text=doc[start:end].text)
        return actor

    def _thing(self, head: Token) -> bool:
        """Whether a side's head is a thing: a common noun that is no actor noun, no body ("the Clinton
        office"), no word as often a person as a thing ("a source", "a campaign"), no agent noun ("Walsh's
        predecessor", "Obama enthusiasts", "sleeper agents") and no place ("Mexico's northern border",
        "American bases": where, not whose)."""
        if head.pos_ != "NOUN" or self.actors.is_actor(head):
            return False
        low = head.lemma_.lower()
        words = {low, head.lower_, head.lower_.removesuffix("s")}  # "bases", read as "basis"
        agent = low.endswith(_AGENT_SUFFIXES) and not low.endswith(_THING_SUFFIXES)
        return not (words & self.not_things) and not agent

    def _modifiers(self, head: Token) -> list[tuple[Token, Token | None]]:
        """The thing's name-like modifiers, and those of a modifier that is an actor noun, with that noun
        ("a Turkish court ruling": Turkish, of the court), not of one that is a thing ("a Midland, USA
        newspaper office": the newspaper's)."""
        out: list[tuple[Token, Token | None]] = []
        stack: list[tuple[Token, Token | None]] = [(c, None) for c in self._mods(head)]
        while stack:
            mod, body = stack.pop(0)
            out.append((mod, body))
            if mod.pos_ == "NOUN" and self.actors.is_actor(mod):
                stack += [(c, body or mod) for c in self._mods(mod)]
        return out

    def _cut(self, doc: Doc, end: int, actor: Actor) -> bool:
        """Whether a mention is the first part of a longer name in the side: a proper noun after it
        ("CROIX" of "the CROIX DES BOUQUETS jailbreak")."""
        return actor.start <= end < actor.end and end != actor.head and doc[end].pos_ == "PROPN"

    def _named(self, doc: Doc, start: int, actor: Actor) -> int:
        """The start of a mention with the proper nouns before it in the side ("Mr. Obama", "President
        Obama", "Judge Sullivan")."""
        while start - 1 >= actor.start and doc[start - 1].pos_ == "PROPN":
            start -= 1
        return start

    def _mods(self, tok: Token) -> list[Token]:
        return [c for c in self.g.kids(tok) if c.dep_ in _OWNER_DEPS and c.pos_ != "PRON"]

    def _mention(self, doc: Doc, mod: Token, actor: Actor) -> tuple[int, int] | None:
        """The token range of the side's entity's mention at `mod`, when it is the whole name there and
        not the thing ("the CROIX DES BOUQUETS jailbreak" is not Croix's), else None."""
        entity = entity_by_id(doc, actor.entity)
        if entity is None:
            return None
        name = ent_at(doc, mod.i)
        for m in entity.mentions:
            if m.start <= mod.idx < m.end:
                span = doc.char_span(m.start, m.end, alignment_mode="contract")
                if span is None or span.start <= actor.head < span.end:
                    continue
                whole = name is None or (span.start <= name.start and name.end <= span.end)
                if whole and not self._cut(doc, span.end, actor):
                    return self._named(doc, span.start, actor), span.end
        return None
