"""Forecasts: a nominal event that is the subject of a future or hedged predicate is foretold, not reported.

"Japan's security cooperation with India will likely develop slowly", "military cooperation is expected to
deepen", "the visit will focus on trade": the clause says what will become of the cooperation or the visit,
by the writer's or observers' guess; it reports no act of cooperation. Such an event is only possible, as
one under "could" already is ("cooperation could deepen"). A noun said to occur in the future ("talks will
be held next week") is an act announced, still to come, and keeps its future (intent) reading unless a
hedge makes it a guess ("talks will probably resume"). So is an act in the future under a hedge ("Russia will
probably oppose the move"): a guess, not an announced intent. Without a hedge, an act in the future tense
("will investigate", "is going to ask") is announced and takes the mode `intend` (`_drafting._intention`), but
only a verb that can be under a future (`untensed`): "… would pull out, and blamed …" stays told. Word lists:
event_rules.json hedge_adverbs, forecast_heads; the future auxiliaries are plover_triggers.json future_aux.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_TENSED = frozenset({"VBD", "VBZ", "VBP"})


class Forecasts:
    """Tell a nominal event foretold by its clause from one the clause reports (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar

    def foretold(self, noun: Token, occurs: bool) -> bool:
        """Whether an event noun is the subject of a hedged predicate ("will likely develop", "is expected
        to deepen") or, unless its clause says it occurs, of a future one ("will develop slowly")."""
        if noun.dep_ not in _SUBJECTS or noun.head.i == noun.i:
            return False
        pred = noun.head
        kids = self.g.kids(pred)
        if any(c.dep_ == "advmod" and c.lower_ in self.lex.hedge_adverbs for c in kids):
            return True
        if self._forecast_head(pred, kids):
            return True
        return not occurs and any(c.dep_ == "aux" and c.lower_ in self.lex.future_aux for c in kids)

    def hedged(self, verb: Token) -> bool:
        """Whether a clause's act is only guessed at by a hedge: "Russia will probably oppose the move",
        "perhaps the council will agree"."""
        return any(c.dep_ == "advmod" and c.lower_ in self.lex.hedge_adverbs for c in self.g.kids(verb))

    def untensed(self, verb: Token) -> bool:
        """Whether a clause verb can be under a future: a bare, -ing or -ed form with no "do" of its own
        ("will investigate", "is going to ask", "will be reaching out"), not a tensed one ("… would pull
        out …, and blamed the tumble", "I don't blame them"), whatever the parse hangs it from."""
        if verb.tag_ in _TENSED:
            return False
        return not any(c.dep_ == "aux" and c.lemma_.lower() == "do" for c in self.g.kids(verb))

    def _forecast_head(self, pred: Token, kids: list[Token]) -> bool:
        """Whether a predicate foresees its subject's infinitive: "is expected to deepen" (the verb's
        own infinitive) or "is likely to grow" (the infinitive of its adjective)."""
        if pred.lemma_.lower() in self.lex.forecast_heads or pred.lower_ in self.lex.forecast_heads:
            return any(c.dep_ == "xcomp" for c in kids)
        return any(
            c.dep_ == "acomp"
            and c.lower_ in self.lex.forecast_heads
            and any(x.dep_ == "xcomp" for x in self.g.kids(c))
            for c in kids
        )
