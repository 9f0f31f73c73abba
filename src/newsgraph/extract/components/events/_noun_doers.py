"""The doer an event noun's own phrase names (`ArgumentFinder.noun_args` asks here).

A participle's "by" phrase ("attacks carried out by X"), a possessive or a name modifier ("Israel's
strikes", "U.S. airstrikes"), but not the town where it happened ("the Bouake attack") nor the country of
a war inside it ("the country's civil war", `internal_mods`); and the "by" phrase of a count the noun is
counted by ("a wave of kidnappings of children by criminal gangs").

An event with no doer of its own does no act ("fighting in the north has forced thousands to flee",
"the attacks compel voters to look again"): `undone` tells such a doer of a verb (drafting then codes
no event, unless the verb is itself harm, where the attack stands for its unnamed attackers).

Nor does an event noun take as its doer the subject of a clause that only sees it or answers it
(`onlooker_clause`): who sees or witnesses an event neither did it nor suffered it ("a resident who
witnessed the attack", `light_verbs_observer`), and who responds or reacts to it did not do it
(`response_verbs`: "Nigeria responded to the Maiduguri bombing with a curfew", "how Sanders will respond
to an onslaught"); the one who answers an act is most often the one it was done to.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.components.events._entity_tags import ent_at
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_at_token

_PARTY_PREPS = ("of", "between", "among", "by")
"""Prepositions whose object in an event noun's phrase is one of its parties ("the deployment of troops")."""


def place_modifier(mod: Token, lex: Lexicon) -> bool:
    """Whether an event noun's name modifier is where it happened: a town or a region, no country or
    capital ("the Bouake attack", "the Mumbai attacks"; "U.S. airstrikes" are the U.S.'s). A name the
    parser tags otherwise ("Bouake" as a people, "Benghazi" as a body) is a place when it is no demonym
    and the entities component, which reads the whole article and the gazetteer, made it a place."""
    if mod.dep_ == "poss" or not (mod.ent_type_ in ("GPE", "LOC") or _place_entity(mod, lex)):
        return False
    name = ent_at(mod.doc, mod.i)
    text = name.text if name is not None else mod.text  # an untagged word is its own name
    return text.lower().removeprefix("the ") not in lex.countries


def _place_entity(mod: Token, lex: Lexicon) -> bool:
    """Whether a word, whatever the parser tagged it (a people, a person, a body: "Bouake", "Garissa",
    "Benghazi"), is no demonym but the name of a place entity."""
    if mod.lower_ in lex.demonyms:
        return False
    entity = entity_at_token(mod.doc, mod.i)
    return entity is not None and entity.type in ("GPE", "LOC")


class NounDoers:
    """Find the doer an event noun's modifiers or its count name (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar, actorish: Callable[[Token], bool]) -> None:
        self.lex = lex
        self.g = grammar
        self.actorish = actorish

    def internal(self, tok: Token) -> bool:
        """Whether an event noun is one inside its country ("civil war"): its owner is where, not a side."""
        return any(c.dep_ == "amod" and c.lower_ in self.lex.internal_mods for c in self.g.kids(tok))

    def modifier(self, tok: Token) -> Token | None:
        """The actor an event noun's own modifiers name: "attacks carried out by X", "Israel's strikes"."""
        source: Token | None = None
        for c in self.g.kids(tok):
            if c.dep_ == "acl" and c.tag_ == "VBN" and source is None:
                agent = next((x for x in self.g.kids(c) if x.dep_ == "agent"), None)
                pobj = (
                    next((x for x in self.g.kids(agent) if x.dep_ == "pobj"), None)
                    if agent is not None
                    else None
                )
                if pobj is not None and self.actorish(pobj):
                    source = pobj
        for c in self.g.kids(tok):
            if (c.dep_ == "poss" and source is None) or (
                c.dep_ in ("compound", "amod", "nmod")
                and source is None
                and (
                    c.pos_ == "PROPN"
                    or c.ent_type_ in ("GPE", "NORP", "ORG")
                    or c.lower_ in self.lex.demonyms
                )
                and c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")
                and not place_modifier(c, self.lex)
            ):
                source = c
        if source is not None and source.dep_ == "poss" and source.ent_type_ in ("GPE", "LOC"):
            # "Afghanistan's Taliban insurgency": the country is where; the named group is the doer
            group = next(
                (
                    c
                    for c in self.g.kids(tok)
                    if c.dep_ == "compound" and c.i > source.i and c.ent_type_ in ("ORG", "NORP")
                ),
                None,
            )
            source = group if group is not None else source
        return source

    def undone(self, tok: Token) -> bool:
        """Whether a verb's doer is an event that names no doer of its own: an event noun of the lexicon
        ("the war", "clashes", "the attacks", "the Paris attacks") or a gerund ("fighting in the north"),
        with no possessive, name, demonym or "by" phrase saying whose it is ("Israel's strikes", "a
        Pakistani military operation" stand for who ran them), no subject of its own, and no actor in an
        "of", "between" or "among" phrase ("the deployment of NATO troops" stands for the troops)."""
        if tok.ent_type_:
            return False  # a name ("Operation Barbarossa" aside, the parser tags people and bodies)
        if tok.pos_ == "VERB":
            if tok.tag_ != "VBG" or any(c.dep_ in ("nsubj", "poss") for c in self.g.kids(tok)):
                return False
        elif tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.lex.nouns:
            return False
        if any(self.actorish(p) for _, p in self.g.prep_objects(tok, _PARTY_PREPS)):
            return False
        return self.modifier(tok) is None and self.counted_by(tok) is None

    def counted_by(self, tok: Token) -> Token | None:
        """The doer a count's "by" phrase names for the events it counts ("a wave of kidnappings of children
        by criminal gangs", where the parser hangs the phrase from "wave")."""
        count = tok.head.head
        if (
            tok.dep_ != "pobj"
            or tok.head.lower_ != "of"
            or count.lemma_.lower() not in self.lex.quantifier_nouns
        ):
            return None
        for _, pobj in self.g.prep_objects(count, ("by",)):
            if self.actorish(pobj):
                return pobj
        return None


def onlooker_clause(clause: Token, noun: Token, g: Grammar, lex: Lexicon) -> bool:
    """Whether the subject of an event noun's clause only sees it ("witnessed the attack") or answers it
    ("responded to the bombing", "responded to his attacks and his threats")."""
    lemma = g.lemma(clause)
    if lemma in lex.observer_lights:
        return True
    if lemma not in lex.response_verbs:
        return False
    _slot, dep, prep = g.noun_slot(noun)
    return dep == "pobj" and prep is not None and prep.lower_ == "to" and prep.head.i == clause.i
