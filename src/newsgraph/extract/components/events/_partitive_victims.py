"""The victims a bare count stands for: "…, killing 15" counts the people the clause above it named.

English leaves out the noun after a number or a quantifier when the noun was just named: "guards turned their
guns on the remaining prisoners, killing 15" (15 of the prisoners), "the attackers singled out security
personnel and passengers, shooting many" (many of them). A harm verb (an assault or a coercion) in a
participle or a conjoined clause whose object is such a bare count ("15", "many": no noun, no "of" phrase)
is done to those the verb it hangs on names: that verb's object, else its "on", "at" or "against" phrase,
when it is a party. When that verb is itself an attack ("opened fire on the crowd, killing two") the two are
one event and its target is already found; this rule gives a target only to a harm verb that has none.
`Drafter` asks here after `ArgumentFinder.verb_args`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsgraph.extract.components.events._targets import HIT_TYPES

if TYPE_CHECKING:
    from newsgraph.extract.components.events._arguments import ArgumentFinder

_CLAUSE_DEPS = frozenset({"advcl", "conj"})
_AIM_PREPS = ("on", "upon", "at", "against")


def _bare_count(tok: Token, args: ArgumentFinder) -> bool:
    """Whether an object is a number or a quantifier with no noun of its own ("15", "many", "dozens")."""
    lex = args.lex
    count = tok.like_num or tok.lower_ in lex.number_words or tok.lower_ in lex.quantifier_pronouns
    return (
        count
        and not any(args.g.preps(tok, ("of",)))
        and not any(c.dep_ == "compound" for c in args.g.kids(tok))
    )


def partitive_victim(verb: Token, type_: str | None, args: ArgumentFinder) -> Token | None:
    """Return the party a harm verb's bare count stands for (see the module docstring), if any."""
    if type_ not in HIT_TYPES or verb.dep_ not in _CLAUSE_DEPS or verb.head.i >= verb.i:
        return None
    count = next((c for c in args.g.kids(verb) if c.dep_ in ("dobj", "obj")), None)
    if count is None or not _bare_count(count, args):
        return None
    head = verb.head
    objects = [c for c in args.g.kids(head) if c.dep_ in ("dobj", "obj")]
    objects += [pobj for _, pobj in args.g.prep_objects(head, _AIM_PREPS)]
    return next((o for o in objects if o.i < verb.i and args.is_actorish(o)), None)
