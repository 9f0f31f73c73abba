"""Ability: what one is able to do is neither done nor intended.

"The army is able to attack", "they would be able to return to the islands", "a navy able to strike": a
capacity of the doer, not the act, and not the doer's intent either; the "will" or "would" of "will be able"
tells when the capacity holds, not what anyone means to do. Only the simple past or the perfect of "able"
reports the act as done ("was able to attack", "have been able to stop"), as a verb of managing does;
"unable", or a negated "be able", denies the act ("was unable to investigate").

A permission is read elsewhere: "allow" and "permit" take the permitted act as their content (an absorbing
head), so "residents will be allowed to return" codes no return, and a named permitter's act is coded with
the permitted as its target ("were allowed by the government to return").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Capacity:
    """An ability that governs a clause."""

    negated: bool
    """ "unable to", "was not able to", "will never be able to": the act is denied."""
    realized: bool
    """The simple past or perfect of an affirmative or denied capacity: the act was (not) done."""


class Abilities:
    """Find the ability a clause is the infinitive of (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar

    def capacity(self, clause: Token) -> Capacity | None:
        """Return the capacity a clause verb is the infinitive of ("able to attack", "unable to return"),
        through shared infinitives ("able to return and rebuild") and means ("able to deliver weapons by
        firing missiles"), or None."""
        cur = clause
        for _ in range(4):
            if cur.dep_ == "conj" and cur.head.i != cur.i:
                cur = cur.head
            elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("VERB", "AUX"):
                cur = cur.head.head
            elif cur.dep_ == "xcomp":
                head = cur.head
                copula = self._copula(head)
                return None if copula is None else self._read(head, copula)
            else:
                return None
        return None

    def _copula(self, head: Token) -> Token | None:
        """Return the word that carries the tense of an ability adjective: the "be" of "is able", or the
        adjective itself when it modifies a noun ("a navy able to strike"); None for any other head."""
        if head.pos_ != "ADJ" or (
            head.lower_ not in self.lex.ability_heads and head.lower_ not in self.lex.inability_heads
        ):
            return None
        return head.head if head.dep_ == "acomp" and head.head.pos_ in ("AUX", "VERB") else head

    def _read(self, head: Token, copula: Token) -> Capacity:
        """Read the denial and the tense of a capacity from its head and the word that carries its tense."""
        kids = self.g.kids(copula) if copula is head else self.g.kids(copula) + self.g.kids(head)
        negated = head.lower_ in self.lex.inability_heads or any(
            c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in self.lex.negating_adverbs) for c in kids
        )
        auxes = [c for c in self.g.kids(copula) if c.dep_ == "aux"]
        modal = any(c.tag_ == "MD" or c.lower_ == "to" for c in auxes)
        past = any(c.tag_ == "VBD" for c in auxes) or (not auxes and copula.tag_ == "VBD")
        perfect = any(c.lemma_.lower() == "have" for c in auxes)
        return Capacity(negated=negated, realized=(past or perfect) and not modal)
