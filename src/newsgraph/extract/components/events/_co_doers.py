"""Conjoined subjects of a verb that is no two-sided act, with nothing after it: co-doers, not counterparts.

In English a conjoined subject ("X and Y") acts on each other only with a reciprocal verb ("X and Y met",
"X and Y negotiated", `reciprocal_lemmas`), a verb of coming together ("X and Y gathered", "X and Y
consulted", `gathering_verbs`) or a reciprocal word ("together", "with each other"). The types of
two-sided events (CONSULT, AGREE, SUPPORT, COOPERATE) also hold verbs that are no such act: a journey
("the governor and the mayor arrived in Dallas", CAMEO 040 in the dictionary), a visit hosted ("he and
his wife hosted"), a vote ("Smith and Jones voted for the bill"). Their conjoined subjects did it side by
side: one side, with no counterpart among them. `_side_by_side` covers the verbs that name their own
partner or complement; this module the ones that name none, or only a two-sided act to come ("pledged to
cooperate", "decided to meet" keep the two sides).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._side_by_side import mutual


def done_together(verb: Token, g: Grammar, lex: Lexicon) -> bool:
    """Whether a verb with conjoined subjects and no object is no act on each other: not a two-sided
    verb, not a verb of coming together, with no reciprocal word (see the module docstring)."""
    if _two_sided(verb, g, lex):
        return False
    return not any(  # "pledged to cooperate", "decided to meet", "pledged to work together"
        c.dep_ == "xcomp" and g.to_infinitive(c) and _two_sided(c, g, lex) for c in g.kids(verb)
    )


def _two_sided(verb: Token, g: Grammar, lex: Lexicon) -> bool:
    """Whether a verb makes its conjoined subjects act on each other: a two-sided verb, a verb of coming
    together, or a reciprocal word beside it."""
    lemma = g.lemma(verb)
    return lemma in lex.reciprocal_lemmas or lemma in lex.gathering_verbs or mutual(verb, g, lex)
