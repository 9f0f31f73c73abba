"""Two roles joined by "and" under one determiner, before one name, are that one person.

In English two role nouns joined by "and" that share one determiner (or none) and stand before one
name are two titles of the named person: "the Iranian American journalist and VOA host Masih
Alinejad", "the former White House aide and current ABC News anchor George Stephanopoulos", "the
company's chairman and chief executive Jane Roe". The parser reads them as a list (the first role and
the name as conjuncts, or the first role, the second role and the name hung on either), which would
make the first role a side of its own beside the person. A second determiner or a plural makes two
("the president and the prime minister", "the ministers and envoy Jane Roe").

`one_person` reads such a run in an argument's list of members and keeps the name alone: both roles
are singular common nouns, one of them a title (`titles.json`: "poet and activist"); the second role
has no determiner of its own and is written right before the name (the name's own title word); nothing
but "and" and the second role's modifiers stands between them; and the parse joins the first role to
the second or to the name.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar

_OWN_WORDS = frozenset({"det", "poss", "nummod", "predet"})
_NO_MODIFIER = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "DET"})
_MOST_WORDS = 6  # "and current ABC News anchor George …": the second role's words before the name


def one_person(members: list[Token], titles: frozenset[str], g: Grammar) -> list[Token]:
    """The members of an argument's list with each run "role and role Name" read as the name alone
    (see the module docstring); the list as it is when it has none."""
    if len(members) < 2:
        return members
    out = list(members)
    for first in members:
        name = _joint_name(first, titles, g)
        if name is None:
            continue
        out = [m for m in out if not first.i <= m.i < name.i]
        if all(m.i != name.i for m in out):
            out.append(name)
    return sorted(out, key=lambda t: t.i) if len(out) != len(members) else members


def _joint_name(first: Token, titles: frozenset[str], g: Grammar) -> Token | None:
    """The person a singular title and a second role after its "and" both name, else None."""
    if first.tag_ != "NN" or first.pos_ != "NOUN" or first.ent_type_:
        return None
    doc = first.doc
    cc = first.i + 1
    if cc + 2 >= len(doc) or doc[cc].lower_ != "and":
        return None
    start = next((t.i for t in doc[cc + 1 : cc + 1 + _MOST_WORDS] if t.ent_type_ == "PERSON"), None)
    if start is None or start - cc < 2:
        return None  # "the journalist and Jane Roe": a person beside the journalist
    role = doc[start - 1]
    if role.pos_ != "NOUN" or role.tag_ != "NN" or doc[start].ent_iob_ != "B":
        return None
    if first.lemma_.lower() not in titles and role.lemma_.lower() not in titles:
        return None  # "the car and driver Jane Roe": a role of a person among the two
    if any(t.dep_ in _OWN_WORDS or t.is_punct or t.pos_ in _NO_MODIFIER for t in doc[cc + 1 : start]):
        return None  # "the president and the prime minister", "the president and his aide"
    end = start
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    name = doc[end]
    if not any(c.dep_ == "conj" and cc < c.i <= end for c in g.kids(first)):
        return None  # the parse joins the first role to something else
    return name if name.pos_ == "PROPN" else None
