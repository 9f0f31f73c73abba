"""Tolls of a hazard told after it: harm verbs with no doer that count a disaster's or a disease's dead.

A report of an earthquake, a storm or an outbreak names the hazard, then counts its dead and hurt in the
sentences that follow, without naming it again ("Nearly a week after tsunami waves scoured the coasts …
More than 300 were killed in Malaysia, Myanmar, Bangladesh …"; "… an outbreak of Ebola … African strains
kill 50 percent to 90 percent of those infected"). `HazardTolls.follows_hazard` reads such a toll verb
(`toll_verbs`: "kill", "injure", "claim" …) with no doer of its own as the hazard's toll, no assault,
when a hazard noun stands in its sentence or in the few sentences before it and no violence word
(`violence_cues`) stands from the start of the hazard's sentence to the end of the verb's: "Gunmen opened
fire … Ten were killed" and "the army shelled the town … 12 were killed" stay assaults.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.components.events._drafting import Draft
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

TOLL_WINDOW = 3
"""How many sentences before a toll verb's own may name its hazard: a report gives a disaster's toll
right after naming it (the tsunami's toll above comes three sentences after "tsunami")."""


class HazardTolls:
    """Find harm verbs that count a hazard's toll (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar

    def follows_hazard(self, d: Draft, sents: list[Span]) -> bool:
        """Whether an assault is a toll verb with no doer, after a hazard with no violence word since."""
        if d.type != "ASSAULT" or d.sources or d.tok.pos_ != "VERB":
            return False
        if self.g.lemma(d.tok) not in self.lex.toll_verbs:
            return False
        first = max(0, d.sent - TOLL_WINDOW)
        hazard = self._last_hazard(sents[first : d.sent + 1], d.tok.i)
        if hazard is None:
            return False
        start = min(self.g.sentence(hazard).start, sents[d.sent].start)
        words = sents[d.sent].doc[start : sents[d.sent].end]
        return not any(self._violent(t) for t in words if t.i != d.tok.i)

    def _last_hazard(self, sents: list[Span], before: int) -> Token | None:
        """Return the last hazard noun of the sentences before token `before`, or None."""
        found: Token | None = None
        for sent in sents:
            for t in sent:
                if t.i >= before:
                    return found
                if self._hazard(t):
                    found = t
        return found

    def _hazard(self, tok: Token) -> bool:
        """Whether a noun names a hazard: "fire" only as a thing that burns ("a fire broke out", "killed in
        a fire", "the bus caught fire"), not as shots fired ("opened fire", "came under fire")."""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in self.lex.hazard_nouns:
            return False
        if tok.lemma_.lower() not in self.lex.weapon_nouns:
            return True
        if tok.dep_ in ("dobj", "obj"):
            return self.g.lemma(tok.head) in self.lex.accident_verbs  # "caught fire", not "opened fire"
        return not (tok.dep_ == "pobj" and tok.head.lower_ == "under")

    def _violent(self, tok: Token) -> bool:
        """Whether a word is a violence cue ("gunmen", "shelling", "attack"), not a hazard noun."""
        if self._hazard(tok):
            return False
        return tok.lemma_.lower() in self.lex.violence_cues or tok.lower_ in self.lex.violence_cues
