"""A bare "the <noun>" stands for the country's body the article just named by the same noun: "the
government" after "the Nepalese government", "Nepal's government" or "the government of Nepal"; "the
military" after "the Myanmar military".

English refers back to a noun phrase by its head noun with "the" alone. When the phrase before named
a country (a demonym, a country's name or possessive, an "of"/"in"/"from" phrase: `sector_country`),
the bare noun is that country's body, as PLOVER codes it. `country_body` reads a phrase of "the" and
one singular actor noun (a sector noun or a Phoenix agent; a possessive "'s" aside) and returns the
head of the earlier phrase it stands for, when
- the nearest earlier phrase of that noun in its own sentence or the `_WINDOW` before it (other than a
  bare "the <noun>", which refers back itself) names a country; and
- every phrase of that noun in the window that names a country names the same one (the governments
  of Nepal and of India both named: no guess).
A phrase that goes with a name ("the Syrian Kurdish militia, the YPG,") is the named body's, read by
the rules for names. A relative clause set off by a comma ("the government, which believed …,") leaves
the noun bare; a noun with words of its own ("the local government", "the coalition government", "the
government that …") is not bare and stays as it is.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actor_types import is_agent, sector_country
from newsgraph.extract.components.events._bodies import bare
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lemma_scan import tokens_of_lemma
from newsgraph.extract.components.events._lexicon import Lexicon

_WINDOW = 2
"""Sentences before the bare noun's own that are read for the phrase it refers back to."""


def country_body(doc: Doc, head: Token, lex: Lexicon, g: Grammar) -> Token | None:
    """The head of the earlier phrase naming a country's body that a bare "the <noun>" stands for."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or not bare_phrase(head) or not (lemma in lex.sector_nouns or is_agent(head, lex)):
        return None
    sents = g.sentences(doc)
    k = bisect_right([s.start for s in sents], head.i) - 1
    first = sents[max(0, k - _WINDOW)].start
    nearest: tuple[Token, str | None] | None = None
    countries: set[str] = set()
    for t in tokens_of_lemma(doc, lemma, first, head.i, g):
        if t.pos_ != "NOUN" or bare(t):
            continue
        country = sector_country(t, _phrase_start(t), lex, g)[1]
        nearest = (t, country)
        if country is not None:
            countries.add(country)
    if nearest is None or nearest[1] is None or len(countries) != 1 or _named(nearest[0]):
        return None
    return nearest[0]


def _named(t: Token) -> bool:
    """Whether a noun phrase goes with a name ("the Syrian Kurdish militia, the YPG,", "the automobile
    firm General Motors"): the bare noun is then the named body, which its name's rules read."""
    after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return any(c.dep_ == "appos" for c in t.children) or (after is not None and after.pos_ == "PROPN")


def bare_phrase(head: Token) -> bool:
    """Whether a phrase is "the" and the noun alone, a possessive "'s" or a relative clause set off by a
    comma aside ("the government, which believed …,": it adds to the noun, it does not pick one out)."""
    if bare(head):
        return True
    kids = list(head.children)
    if head.tag_ != "NN" or [c.lower_ for c in kids if c.i < head.i] != ["the"]:
        return False
    rights = [c for c in kids if c.i > head.i and not c.is_punct and c.dep_ != "case"]
    doc = head.doc
    return bool(rights) and all(c.dep_ == "relcl" and doc[c.left_edge.i - 1].text == "," for c in rights)


def _phrase_start(t: Token) -> int:
    """The first token of a noun's left modifiers ("the Nepalese government", "Nepal 's government")."""
    return min([t.i, *(c.left_edge.i for c in t.lefts)])
