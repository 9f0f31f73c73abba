"""Stage 6, a part: two roles joined by "and" before one name are both that person's roles.

In English two singular role nouns joined by "and" that share one determiner and stand before one
name are two titles of the named person: "the Iranian American journalist and VOA host Masih
Alinejad", "the lawyer and activist Jane Roe", "the actor and director Tom Poe". The roles stage reads
the title words written right before the name ("activist"); `joint_roles` adds the first role and its
modifiers ("Iranian American journalist") and, when the words before the name are no title of the
list ("VOA host"), the second role too. One of the two nouns must be a title (`titles.json`); the
second role has no determiner of its own and nothing but its modifiers stands between "and" and the
name (a second determiner, a comma or a verb makes two people: "the president and the prime minister
Jane Roe", "the journalist and, later, Jane Roe"); and the parse joins the first role to a word after
the "and".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.entities.lexicon import DETERMINERS, EntityLexicon

_MOST_WORDS = 5  # "and current ABC News anchor": the second role's words before the name
_MODIFIERS = frozenset({"amod", "compound", "nmod"})
_NOT_MODIFIER = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "NUM", "PUNCT"})


def joint_roles(doc: Doc, lex: EntityLexicon, start: int, end: int, recorded: bool) -> list[str]:
    """The roles of a "role and role" run that ends right before token `start` (the first word of the
    role the roles stage recorded, or of the name), for the name ending at token `end`; the second
    role only when `recorded` is False (the stage found no title before the name)."""
    cc = _conjunction(doc, start)
    if cc is None or cc < 1:
        return []
    first = doc[cc - 1]
    second = doc[start - 1] if start - 1 > cc else None
    if first.tag_ != "NN" or first.pos_ != "NOUN" or first.ent_type_:
        return []
    if not recorded and (second is None or second.tag_ != "NN" or second.pos_ != "NOUN"):
        return []
    if not lex.in_titles(first) and not (second is not None and lex.in_titles(second)):
        return []  # "the car and driver Jane Roe": one role among the two words at most
    if not any(c.dep_ == "conj" and cc < c.i < end for c in first.children):
        return []  # the parse joins the first role to something else
    out = [doc[_first_modifier(first) : first.i + 1].text]
    if not recorded:
        out.append(doc[cc + 1 : start].text)
    return out


def _conjunction(doc: Doc, start: int) -> int | None:
    """The index of the "and" before the second role's modifiers, if only they stand between."""
    for j in range(start - 1, max(-1, start - 1 - _MOST_WORDS), -1):
        tok = doc[j]
        if tok.lower_ == "and":
            return j
        if tok.pos_ in _NOT_MODIFIER or tok.lower_ in DETERMINERS or "\n" in tok.whitespace_:
            return None
    return None


def _first_modifier(noun: Token) -> int:
    """The first word of a role noun's modifiers written before it ("Iranian American journalist")."""
    first = noun.i
    for c in reversed(list(noun.lefts)):
        if c.dep_ not in _MODIFIERS or c.right_edge.i != first - 1:
            break
        first = c.left_edge.i
    doc = noun.doc
    while first < noun.i and (doc[first].lower_ in DETERMINERS or doc[first].pos_ in ("DET", "PRON")):
        first += 1
    return first
