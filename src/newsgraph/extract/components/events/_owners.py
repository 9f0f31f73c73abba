"""The owner of the thing an event acts on (`ArgumentFinder` asks here for its "on"/"against" phrases).

In CAMEO and PLOVER coding, an act aimed at a statement, a proposal, a product, a property or a demand
is aimed at its owner or author: "attacks on the judge's record" target the judge, "a ban on adoptions
by same-sex couples" the couples, "tariffs on $20 billion worth of U.S. exports" the United States,
"restrictions on travel from India" India. The owner is read from the thing's own phrase, by the parse
alone: its possessive, its "by" or "from" phrase, or a name or demonym modifier (the thing itself then
stands for that name, as the actor resolver reads "U.S. exports"; beside a possessive such a modifier
tells the kind, not the owner: "his Supreme Court nominee"). A measure's "of" phrase is the
thing measured ("$20 billion worth of exports"). No "of" phrase is read as an owner: after "on" it
is as often a frame ("on the orders of the judge", "on the border of Bolivia"). An actor in the
phrase is the target itself and needs no owner, and a thing with a name in apposition is that named
actor ("an attack on the president's secretary, Julian Castro"). An event noun's "by" phrase is its
doer, not an owner ("a crackdown on protests by students"); ground is where, not whose ("an attack on
American soil"); a possessive pronoun is as often the source's own ("called on its followers") and is
not read.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.components.events._content_aims import content_aim
from newsgraph.extract.components.events._grammar import PLACE_LABELS, Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._remains import remains

AIM_PREPS = ("on", "upon", "against")
"""Prepositions whose object is what an act is aimed at ("an attack on X", "sanctions against X")."""

_OWNER_PREPS = ("by", "from")
_MEASURE_LABELS = frozenset({"MONEY", "QUANTITY", "CARDINAL", "PERCENT"})


class ThingOwners:
    """Find who a thing in an event's aim phrase belongs to (see the module docstring)."""

    def __init__(
        self,
        lex: Lexicon,
        grammar: Grammar,
        actorish: Callable[[Token], bool],
        owned: Callable[[Token], bool],
    ) -> None:
        self.lex = lex
        self.g = grammar
        self.actorish = actorish
        self.owned = owned  # a name, demonym or actor noun modifies it ("U.S. exports")

    def aimed_at(self, tok: Token, preps: tuple[str, ...], exclude: set[int]) -> Token | None:
        """The owner of the thing in a word's own aim phrase, when its preposition marks the type's target
        ("an attack on the judge's record": the judge); else the actor its content phrase is aimed against
        ("threats of airstrikes against Syria", `content_aim`)."""
        for c, pobj in self.g.prep_objects(tok, AIM_PREPS):
            if c.lower_ in preps and c.i > tok.i:
                owner = self.owner(pobj, exclude)
                if owner is not None:
                    return owner
        return content_aim(tok, preps, self.g, self.actorish, exclude)

    def owner(self, thing: Token, exclude: set[int]) -> Token | None:
        """Return who a thing (not an actor) belongs to, else None; the thing itself when a name or a
        demonym modifies it. Never a word of `exclude` (the source)."""
        thing = self._measured(thing)
        if thing.pos_ != "NOUN" or thing.i in exclude or self.actorish(thing):
            return None
        named = next((c for c in self.g.kids(thing) if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:
            return named if self.actorish(named) else None  # "the president's secretary, Julian Castro"
        low = thing.lemma_.lower()
        if low in self.lex.nouns or low in self.lex.territory_nouns or low in self.lex.place_nouns:
            return None  # an event's "by" phrase is its doer; "attacks on our soil" say where
        poss = next((c for c in self.g.kids(thing) if c.dep_ == "poss"), None)
        if poss is not None:
            # "the judge's record" (a pronoun is as often the source's own: "its followers"); beside a
            # possessive a name modifier tells the kind, not the owner ("his Supreme Court nominee")
            mine = poss.pos_ != "PRON" and poss.i not in exclude and self.actorish(poss)
            return poss if mine else self._by_or_from(thing, exclude)
        return self._by_or_from(thing, exclude) or (thing if self.owned(thing) else None)

    def party(self, thing: Token, prep: Token, pobj: Token, exclude: set[int]) -> Token | None:
        """The party a theme noun's of/in/by phrase names: its object, but for a place "in" which a
        thing with an owner is, the owner ("opposes Chinese investment in Balochistan": China, not the
        province where the investment is). An ownerless thing keeps the place ("strengthen ties in
        Asia", "martial law on six townships in Yangon")."""
        if prep.lower_ != "in" or pobj.ent_type_ not in PLACE_LABELS:
            return pobj
        return self.owner(thing, exclude) or pobj

    def _by_or_from(self, thing: Token, exclude: set[int]) -> Token | None:
        """The actor of a thing's "by" or "from" phrase ("adoptions by couples", "travel from India")."""
        for _, pobj in self.g.prep_objects(thing, _OWNER_PREPS):
            if pobj.i not in exclude and self.actorish(pobj):
                return pobj
        return None

    def hit_owner(self, thing: Token) -> Token | None:
        """Whose thing an assault hit was: "X's home", "the town of Marea" (no pronoun). What is left of a
        dead person is no one's stand-in ("the body of X was looted": `_remains.py`)."""
        if remains(thing, self.lex):
            return None
        for c in self.g.kids(thing):
            owner = c if c.dep_ == "poss" else None
            if c.dep_ == "prep" and c.lower_ == "of":
                owner = self.g.pobj(c)
            if owner is not None and owner.pos_ != "PRON" and self.actorish(owner):
                return owner
        return None

    def _measured(self, thing: Token) -> Token:
        """The thing a measure counts ("$20.7 billion worth of U.S. exports": the exports), else the word."""
        if thing.lemma_.lower() != "worth" and thing.ent_type_ not in _MEASURE_LABELS:
            return thing
        return next((pobj for _, pobj in self.g.prep_objects(thing, ("of",))), thing)
