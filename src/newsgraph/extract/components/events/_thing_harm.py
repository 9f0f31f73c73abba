"""Harm done by no one to things only: no event.

A material event (an assault, coercion) whose sentence names no one who did it and only things it was
done to reports no act of any actor upon any actor: "bridges and dams have been destroyed" (by a flood),
"confidence is shot to ribbons", "her mind is shot". The rule takes the triggers that need no doer:
harm a hazard can cause (`harm_lemmas`: "destroy", "damage") and the conflict words that are also
figures of speech (`metaphor_conflict_lemmas`: "shoot", "clash"), less killing and wounding
(`dead_lemmas`, `injured_lemmas`: done to the living, so a noun no list knows is a person there:
"parishioners killed"); "homes were demolished", "shops were looted" tell of someone's act. A thing
here is a common noun with no entity that is no actor noun, no word for an elided noun ("five others
were injured", "the rest"), no place (a place stands for its people: "the city has suffered attacks")
and no weapon. The event stays when its trigger is itself a word of violence whose doer is implied
("the convoy came under attack", "the market was bombed"), or when another word of its sentence is one
("the car was hit by a roadside bomb", "two bridges were destroyed during heavy shelling"). A dead person's
remains (`remains_nouns`: "the body of X was looted") are such a thing whatever the trigger: no one named did
it, and it was done to no party.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import Actor, ActorFinder
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._remains import remains

_HARM_TYPES = frozenset({"ASSAULT", "COERCE"})
"""The material types that are harm done to a target (a protest, a sanction or a mobilisation is not)."""


class ThingHarm:
    """Tell a material event with no doer and only things as its targets (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar, actors: ActorFinder) -> None:
        self.lex = lex
        self.g = grammar
        self.actors = actors
        # a trigger that is itself a word of violence: its doer is implied ("came under attack", "bombed");
        # not a conflict word that is also a figure of speech ("shot", "clash", "fight")
        self._violent = (lex.violence_cues | lex.weapon_nouns) - lex.metaphor_conflict_lemmas
        # a trigger that needs no doer: harm a hazard can cause ("destroyed", "damaged") or a conflict word
        # that is also a figure of speech ("shot", "clash"), less killing and wounding, done to the living: a
        # noun no list knows is a person there ("parishioners killed"); "demolished", "looted" need a doer
        self._natural = (
            (lex.harm_lemmas | lex.metaphor_conflict_lemmas) - lex.dead_lemmas - lex.injured_lemmas
        )

    def no_event(self, doc: Doc, type_: str, tok: Token, sources: list[Actor], targets: list[Actor]) -> bool:
        """Whether a drafted event (its type, trigger and sides) is harm done by no one to things only,
        with no word of violence."""
        if type_ not in _HARM_TYPES or sources or not targets:
            return False
        if all(remains(doc[a.head], self.lex) for a in targets):
            return True  # "the body of X was looted": what is left of the dead, whatever the deed
        if not all(self._thing(doc, a.head, a.entity) for a in targets):
            return False
        lemma = self.g.lemma(tok)
        if lemma not in self._natural or lemma in self._violent or tok.lower_ in self._violent:
            return False
        return not (self.g.words(tok) - {tok.lemma_.lower(), tok.lower_}) & self.lex.violence_cues

    def _thing(self, doc: Doc, head: int, entity: str | None) -> bool:
        """Whether a side is a thing: a common noun with no entity, no actor noun, no place, no weapon."""
        tok = doc[head]
        if entity is not None or tok.pos_ != "NOUN" or tok.is_stop or tok.like_num:
            return False  # "five others were injured": a word for an elided noun, no thing
        low = tok.lemma_.lower()
        if low in self.lex.quantifier_pronouns or low in self.lex.number_words:
            return False  # "the rest", "half"
        if low in self.lex.place_nouns or low in self.lex.weapon_nouns:
            return False
        return not self.actors.is_actor(tok)
