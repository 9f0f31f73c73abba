"""Denials of charges: who made the charges a denial answers, when the sentence names them.

A denial in a clause of a claim noun (`claim_nouns` of `event_rules.json`) that sums up the clause
before it answers that clause's verb of saying or accusing: "The opposition alleged that …, charges
the commission denied", "A UN report suggested …, allegations the government denies", "X said the
police had beaten students, a charge that the ministry rejected". Its target is that verb's doer,
and the clause is the sentence's second statement, not a clause about a noun. A clause that states
the claim ("the claim that the ministry refused …") answers no one.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

_RELATIVES = ("that", "which")
"""A denial's object that is the claim itself, as a relative pronoun."""


class Claims:
    """Find the maker of the charges a denial answers (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar

    def maker(self, verb: Token) -> Token | None:
        """The head of whoever made the claim a denial verb answers, or None when the sentence does not
        say ("The opposition alleged that …, charges the commission denied": the opposition)."""
        claim = verb.head
        if verb.dep_ not in ("relcl", "acl", "ccomp") or claim.lemma_.lower() not in self.lex.claim_nouns:
            return None
        for c in self.g.kids(verb):
            if c.dep_ in ("dobj", "obj") and c.lower_ not in _RELATIVES:
                return None  # the denial has an object of its own
            if c.dep_ == "mark":
                return None  # "the claim that the ministry refused …" says what is claimed
        said = self._claim_verb(claim)
        return self.g.agent(said) if said is not None else None

    def _claim_verb(self, claim: Token) -> Token | None:
        """The verb of saying or accusing before a claim noun whose clause the noun sums up: its nearest
        such ancestor, or, when the noun is the sentence's root, its clausal complement."""
        tok = claim
        while tok.head.i != tok.i:
            tok = tok.head
            if tok.i < claim.i and self._claims(tok):
                return tok
        if claim.dep_ == "ROOT":
            return next(
                (c for c in self.g.kids(claim) if c.dep_ == "ccomp" and c.i < claim.i and self._claims(c)),
                None,
            )
        return None

    def _claims(self, tok: Token) -> bool:
        """Whether a word is a verb of saying or of accusing ("said", "suggested", "alleged", "accusing")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        lemma = self.g.lemma(tok)
        sense = self.lex.verbs.get(lemma)
        return lemma in self.lex.reporting or (sense is not None and sense.type == "ACCUSE")
