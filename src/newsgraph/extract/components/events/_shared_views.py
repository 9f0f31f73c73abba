"""A view shared is no agreement: "agreed that the situation is dire", "agreed that a president should …".

"agree" is an AGREE (CAMEO 03) when parties settle what will be done: "agreed that talks would resume",
"agreed with Iran on a deal". One party that agrees with a statement of what is ("agreed that the situation is
dire") or with a remark ("agreed with Biden's remark") only shares a view. So does one party that agrees
that another ought to act ("he agreed that a president should make clear …", "the committee had agreed that
a statement should be made"): a clause under an obligation auxiliary ("should", "must", `obligation_aux`)
whose subject is another party than the one agreeing says what ought to be, the accord with an opinion
CAMEO codes 019 ("agree on the need", "agree on the importance": a public statement, no PLOVER event), not
a deal. A pronoun subject may be the agreeing party's own ("Iran agreed that it should halt enrichment"),
and several parties ("the two governments", "Ankara and Moscow") agree among themselves on what should be
done: both stay agreements.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._modality import Modality

_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


class SharedViews:
    """Tell a view shared by "agree" from an agreement (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar, mod: Modality) -> None:
        self.lex = lex
        self.g = grammar
        self.mod = mod

    def shares_view(self, verb: Token) -> bool:
        """Whether a verb's complement is a finite clause about what is, a remark it agrees with, or what
        another party ought to do, agreed by one party: a view, not a deal."""
        for c in self.g.kids(verb):
            if c.dep_ == "prep" and c.lower_ == "with":
                said = self.g.pobj(c)
                if said is not None and said.lemma_.lower() in self.lex.claim_nouns:
                    return True
            if c.dep_ != "ccomp":
                continue
            subj = next((x for x in self.g.kids(c) if x.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            will, may = self.mod.aux_mood(c)
            if not (will or may or self.g.to_infinitive(c)):
                return True  # "agreed that the situation is dire"
            return self._ought(verb, c, subj)
        return False

    def _ought(self, verb: Token, clause: Token, subj: Token) -> bool:
        """Whether one party agrees that another ought to act: "he agreed that a president should …"."""
        aux = {a.lower_ for a in self.g.kids(clause) if a.dep_ in ("aux", "auxpass")}
        if not aux & self.lex.obligation_aux or aux & (self.lex.future_aux | self.lex.modal_aux) - (
            self.lex.obligation_aux
        ):
            return False  # "agreed that inspectors could visit", "… would resume": a deal
        if subj.pos_ == "PRON":
            return False  # "agreed that it should halt …": perhaps its own act
        agreer = self.g.agent(verb)
        if agreer is None or agreer.tag_ in _PLURAL_TAGS or agreer.lower_ in ("we", "they"):
            return False
        return not any(c.dep_ == "conj" for c in self.g.kids(agreer))  # "Ankara and Moscow agreed …"
