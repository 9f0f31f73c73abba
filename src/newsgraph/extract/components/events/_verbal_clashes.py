"""A clash of words: a conflict word used of an argument, which is no ASSAULT.

News uses "clash", "fight", "battle" both for force ("protesters clashed with police", "troops battled
rebels") and for argument ("the two candidates clashed over taxes", "a legal battle", "the Oval Office clash
between Trump and Zelenskyy"). English tells the argument by the fight's own words: a modifier of words, law
or politics, or of a place where people talk ("a verbal clash", "a political fight", "clashed publicly", "the
Oval Office clash"); words as its weapon ("a war of words"); an issue fought "over" or "about" that is no
ground ("clashed over how to release the emails"; not "clashed over land"); an occasion of talk it happens at
("clashed at Saturday's debate", "during the hearing"); or two named people as its only
sides ("Clinton clashed with Johnson"). A fight the sentence tells harm of ("the clash left two dead") or
whose side is armed stays a fight. The word lists are `lexicons/verbal_clashes.json`.

"Attack" is mostly words in political news too ("Cruz attacked Rubio", "Trump's attacks on Curiel",
"attacked her over an email chain", "a political attack"): CAMEO codes criticism as 111 (PLOVER ACCUSE).
`is_verbal_attack` tells it by the same marks (a modifier of words or politics, an issue that is no ground)
or by its sides: a named person or organisation attacking a named person, with no harm in the sentence; or,
when only one side is named, named people as that side of an "attack" (`one_side_lemmas`: "Rubio's attack",
"Biden tried to attack Trump", "a super PAC that only attacks Clinton"), unless the verb is passive with its
target alone ("X was attacked").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import Actor
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.extensions import entity_by_id
from newsgraph.extract.lexicons import load_json

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "advmod", "npadvmod"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
"""An object of "over" that is a stretch of time ("fighting over the weekend") names no issue."""


@cache
def _lists() -> dict[str, frozenset[str]]:
    """The word lists of `verbal_clashes.json`, each a set."""
    data = load_json("verbal_clashes.json")
    return {key: frozenset(value) for key, value in data.items() if key != "notes"}


class VerbalClashes:
    """Tell a fight of words from a fight of force (see the module docstring)."""

    def __init__(self, grammar: Grammar, titles: frozenset[str]) -> None:
        self.g = grammar
        self.titles = titles  # `titles.json`: "the mayor", "Governor Tom Bell" name one office-holder
        self.words = _lists()

    def is_verbal(self, tok: Token, lemma: str, sides: list[Actor]) -> bool:
        """Whether a conflict trigger, with these sides, is an argument rather than force."""
        if lemma not in self.words["fight_lemmas"]:
            return False
        if self._modified(tok) or self._with_words(tok):
            return True
        if self.g.words(tok) & self.words["harm_words"]:
            return False
        return self._over_issue(tok) or self._at_talks(tok) or self._two_people(tok, sides)

    def is_verbal_attack(
        self, tok: Token, sources: list[Actor], targets: list[Actor], harm: frozenset[str]
    ) -> bool:
        """Whether an attack word is criticism: no harm word in the sentence (`harm`, built once by the
        caller: the fight's harm words and the project's violence cues) and a verbal mark or named people
        on both sides."""
        words = self.g.words(tok)
        singulars = {w[:-1] for w in words if w.endswith("s")}  # "Rebels" opens a sentence: its lemma stays
        if (words | singulars) & harm:
            return False
        if self._modified(tok) or self._over_issue(tok):
            return True
        doc = tok.doc
        sides = sources + targets
        if sources and targets:
            return (
                all(self._person(doc, a) or self._organisation(doc, a) for a in sides)
                and any(self._person(doc, a) for a in sides)
                and any(doc[a.head].pos_ == "PROPN" for a in sides)  # a name written, not only "who … us"
            )
        return self._one_named_side(tok, sources, targets)

    def _one_named_side(self, tok: Token, sources: list[Actor], targets: list[Actor]) -> bool:
        """Whether an attack with one side named, no harm told, is criticism: that side is named people
        ("Rubio's attack", "Biden tried to attack Trump", "a super PAC that attacks Clinton"); not a
        passive verb with its target alone ("X was attacked outside his home" may be force)."""
        doc = tok.doc
        sides = sources or targets
        if not sides or self.g.lemma(tok) not in self.words["one_side_lemmas"]:
            return False  # "he assaulted them": an assault by one person is bodily as often as not
        if not sources and tok.pos_ in ("VERB", "AUX") and self.g.is_passive(tok):
            return False
        return all(self._person(doc, a) and doc[a.head].pos_ == "PROPN" for a in sides)

    def _organisation(self, doc: Doc, side: Actor) -> bool:
        """Whether a side is a named organisation (a party, a campaign, a PAC, a newspaper)."""
        entity = entity_by_id(doc, side.entity)
        return entity is not None and entity.type == "ORG"

    def _modified(self, tok: Token) -> bool:
        """Whether a modifier makes the fight one of words, law or politics ("a legal battle")."""
        mods = {c.lower_ for c in self.g.kids(tok) if c.dep_ in _MODIFIER_DEPS}
        return bool(mods & self.words["verbal_modifiers"])

    def _objects(self, tok: Token, preps: frozenset[str]) -> list[Token]:
        """The objects of the trigger's prepositions among `preps` ("over X", "of words")."""
        return [
            obj
            for prep in self.g.kids(tok)
            if prep.dep_ == "prep" and prep.lower_ in preps
            for obj in self.g.kids(prep)
            if obj.dep_ in ("pobj", "pcomp")
        ]

    def _with_words(self, tok: Token) -> bool:
        """Whether words are the fight's weapon ("a war of words", "fought with insults", "fought a war of
        words": the fight noun the verb takes)."""
        fights = [tok] + [
            c for c in self.g.kids(tok) if c.dep_ == "dobj" and c.lemma_.lower() in self.words["fight_lemmas"]
        ]
        preps = frozenset({"of", "with"})
        return any(obj.lower_ in self.words["word_nouns"] for f in fights for obj in self._objects(f, preps))

    def _over_issue(self, tok: Token) -> bool:
        """Whether the fight is over an issue that is no ground ("over how to …", not "over land")."""
        objects = self._objects(tok, self.words["issue_preps"])
        issues = [obj for obj in objects if obj.ent_type_ not in _TIME_LABELS]
        return bool(issues) and not any(self._ground(obj) for obj in issues)

    def _at_talks(self, tok: Token) -> bool:
        """Whether the fight happens at an occasion of talk ("clashed at the debate", "during a hearing")."""
        objects = self._objects(tok, self.words["venue_preps"])
        return any(obj.lemma_.lower() in self.words["venue_nouns"] for obj in objects)

    def _ground(self, obj: Token) -> bool:
        """Whether a fought-over thing is ground: a place's name or a place noun ("land", "the town")."""
        return obj.ent_type_ in _PLACE_LABELS or obj.lemma_.lower() in self.words["place_nouns"]

    def _two_people(self, tok: Token, sides: list[Actor]) -> bool:
        """Whether the fight's sides are two or more single people and nothing else: named people or
        office-holders ("Trump and Zelenskyy", "the mayor and the governor")."""
        return len(sides) >= 2 and all(self._person(tok.doc, side) for side in sides)

    def _person(self, doc: Doc, side: Actor) -> bool:
        """Whether a side is one person: a PERSON entity, or a singular phrase with a title ("the mayor")."""
        entity = entity_by_id(doc, side.entity)
        if entity is not None and entity.type == "PERSON":
            return True
        if doc[side.head].tag_ not in ("NN", "NNP"):
            return False
        return any(t.lower_ in self.titles for t in doc[side.start : side.end])
