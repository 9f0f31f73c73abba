"""Words of another clause that are no target of a verb trigger.

A verb's target is a participant of its own clause. Two shapes hand it one of another clause's:

- Conjoined verbs share an object when the first has no complement of its own ("to close or suspend
  U.S. operations", "arresting, imprisoning and executing dissidents"). A first verb with a complement
  of its own (a preposition's object, a clause, an indirect object) has ended its phrase, and the
  next verb's object is that verb's alone: "called on the agency to publish its data, and told CNN …",
  "called for more research and urged the board to …", "complained about the tone but defended Sanders".
  A time or place phrase ("attacked on Tuesday and killed five people") is no complement.
- A finite content clause of a verb of agreeing or denying (`proposition_types`: "agreed that a
  president should …", "denied that Clinton had anything to do with …") is a proposition about its
  subject, not an act done to it, and none of its words names the target. A demand, a charge or a
  warning ("demanded that Beijing remove them", "alleged that the military was behind …") names in
  it whom it aims at; a to-infinitive ("allowed agencies to go") and a clause whose subject is the
  source or a pronoun ("promised that it would …") are the source's own act; both keep their target.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon

_OWN_COMPLEMENTS = frozenset({"xcomp", "ccomp", "dative"})
"""The complements that end a verb's own phrase: a clause ("called on X to …") or an indirect object."""
_CIRCUMSTANCE_LABELS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
"""The entity labels of a preposition's object that says when or where, not what the verb is about."""
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""The tags of a tensed verb or a modal."""


def _own_complement(kids: list[Token], before: int) -> bool:
    """Whether a verb's children hold a complement of its own before token `before`."""
    for c in kids:
        if c.i >= before:
            break
        if c.dep_ in _OWN_COMPLEMENTS:
            return True
        if c.dep_ == "prep":
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in _CIRCUMSTANCE_LABELS:
                return True
    return False


def shared_object(verb: Token, conj: Token, kids: Callable[[Token], list[Token]]) -> Token | None:
    """Return the object a later conjoined verb shares with `verb` ("to close or suspend U.S. operations":
    "operations"), if the conjunct has no subject of its own and `verb` no complement of its own."""
    if conj.i <= verb.i or any(c.dep_ == "nsubj" for c in kids(conj)):
        return None
    shared = next((c for c in kids(conj) if c.dep_ in ("dobj", "obj")), None)
    if shared is None or _own_complement(kids(verb), conj.i):
        return None
    return shared


def _finite(clause: Token) -> bool:
    """Whether a clause is finite: a tensed verb or auxiliary, or "that" ("that a president should …")."""
    if clause.tag_ in _FINITE_TAGS:
        return True
    return any(
        (c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS) or (c.dep_ == "mark" and c.lower_ == "that")
        for c in clause.children
    )


def acts_among(complements: list[Token], type_: str, exclude: set[int], lex: Lexicon) -> list[Token]:
    """Return the complements of a verb of type `type_` that may name its target: all but a proposition of
    an agreeing or denying verb about another party ("agreed that a president should …"). `exclude`
    holds the source's tokens."""
    if type_ not in lex.proposition_types:
        return complements
    return [c for c in complements if not _proposition(c, exclude, lex)]


def _proposition(clause: Token, exclude: set[int], lex: Lexicon) -> bool:
    """Whether `clause` is a finite content clause whose subject is another party than the source."""
    if clause.dep_ != "ccomp" or not _finite(clause):
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.i not in exclude and subj.lower_ not in lex.pronouns
