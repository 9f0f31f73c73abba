"""Conjoined subjects that act side by side because their verb names its own partner or complement.

In English a conjoined subject ("X and Y") acts on each other only with a reciprocal verb standing alone
("X and Y met", "X and Y talked", "X and Y spoke") or with a reciprocal word ("with each other",
"together"). When the verb names its own partner or complement, the conjuncts did it together and the
other side is that partner or no one:
- a two-sided verb with a "with" partner: "he and his wife have talked with him", "X and Y met with Z";
- another verb with a partner phrase (`partner_preps`): "X and Y spoke to reporters", "X and Y appealed to
  the court" (not a time, nor a two-sided event; not "for", as often a purpose as an object: "they should
  communicate for the safety of the world");
- another verb with an infinitive complement: "X and Y pledged to act", "X and Y offered to help" (not a
  two-sided one: "pledged to cooperate", "decided to meet").
`SideFinder` (`_sides.py`) then keeps them as co-sources instead of splitting them into source and target.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

_TIME_ENTS = frozenset({"DATE", "TIME"})


def named_partner(verb: Token, g: Grammar, lex: Lexicon) -> bool:
    """Whether a verb with conjoined subjects names a partner or complement of its own that makes the
    conjuncts act side by side (see the module docstring); a verb with a direct object is `_joint_deed`'s."""
    if mutual(verb, g, lex):
        return False
    two_sided = g.lemma(verb) in lex.reciprocal_lemmas
    preps = ("with",) if two_sided else lex.partner_preps
    for prep, pobj in g.prep_objects(verb, preps):
        if prep.i > verb.i and pobj.ent_type_ not in _TIME_ENTS and not two_sided_event(pobj, lex):
            return True
    if two_sided:
        return False
    return any(
        c.dep_ == "xcomp"
        and g.to_infinitive(c)
        and g.lemma(c) not in lex.reciprocal_lemmas
        and not mutual(c, g, lex)
        for c in g.kids(verb)
    )


def two_sided_event(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun names a two-sided event ("talks", "a summit", "an agreement")."""
    lemma = noun.lemma_.lower()
    sense = lex.nouns.get(lemma)
    return lemma in lex.reciprocal_lemmas or (sense is not None and sense.type in lex.reciprocal_types)


def mutual(verb: Token, g: Grammar, lex: Lexicon) -> bool:
    """Whether a verb says its doers act on each other: "together", "with each other", "one another"."""
    return any(c.lower_ in lex.mutual_words or _each_other(c, g) for c in g.kids(verb))


def _each_other(tok: Token, g: Grammar) -> bool:
    """Whether a word is or governs "each other" / "one another"."""
    words = [tok] + ([p] if (p := g.pobj(tok)) is not None else [])
    pairs = ((w, w.nbor(-1)) for w in words if w.i > 0)
    return any(w.lower_ in ("other", "another") and before.lower_ in ("each", "one") for w, before in pairs)
