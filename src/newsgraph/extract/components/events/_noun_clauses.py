"""The target a clause on an event noun names: its object, never its means, or the victims of its result.

An active relative or participle clause on an event noun names the act's target by its object ("attacks that
targeted the police": the police), unless it is a request's purpose (`_purposes.aimed_clause`). A clause whose
verb says what the act is done with or who takes part in it ("an operation involving military helicopters",
"attacks using drones on villages": `means_clause_verbs`, `instrument_verbs`) names by its object the means,
never the target; the party of the clause's own preposition of aim ("on villages") is the target.

A clause telling the act's result (`result_verbs`: "an operation, which resulted in the deaths of 16
militants", "a raid that led to the death of X", "caused injuries to X") names its victims in the harm noun's
"of", "to" or "among" phrase; for an assault or a coercion that names no target of its own they are its
target. The parse often hangs a non-restrictive "which" clause on the last noun before it, inside the event
noun's phrase ("an operation conducted by the agency, which resulted in …", "the attacks on the consulate in
Benghazi, which resulted in …"); neither an agency nor a town results in anyone's death, so such a clause is
read as the event noun's own, unless another event noun lies between them. The harm noun is no event of its
own here, so the victims are not coded twice.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._purposes import aimed_clause
from newsgraph.extract.components.events._targets import HIT_TYPES


class ArgumentReader(Protocol):
    """What is read here of `_arguments.ArgumentFinder` (which calls `clause_target`)."""

    g: Grammar
    lex: Lexicon

    def target_head(self, tok: Token | None, exclude: set[int]) -> Token | None: ...

    def prep_target(self, tok: Token, type_: str, exclude: set[int], where: bool = ...) -> Token | None: ...


_CLAUSE_DEPS = frozenset({"relcl", "acl"})
_RESULT_PREPS = ("in", "to")
"""The prepositions of a result verb's harm noun ("resulted in the deaths", "led to the death")."""
_VICTIM_PREPS = ("of", "to", "among")


def clause_target(tok: Token, type_: str, exclude: set[int], args: ArgumentReader) -> Token | None:
    """Return the head of the target a clause on the event noun `tok` names (see the module docstring), if
    any; `exclude` holds the act's source."""
    for c in args.g.kids(tok):
        if c.dep_ in _CLAUSE_DEPS and c.pos_ == "VERB" and aimed_clause(c, type_, args.g):
            found = _aimed(c, type_, exclude, args)
            if found is not None:
                return found
    return _result_victims(tok, exclude, args) if type_ in HIT_TYPES else None


def _aimed(clause: Token, type_: str, exclude: set[int], args: ArgumentReader) -> Token | None:
    """Return the party a clause's object names, or, for a clause of means, its preposition of aim's."""
    lemma = args.g.lemma(clause)
    patient = args.g.patient(clause)
    if lemma not in args.lex.instrument_verbs and lemma not in args.lex.means_clause_verbs:
        return args.target_head(patient, exclude)
    found = args.prep_target(clause, type_, exclude, where=False)  # "attacks using drones on villages"
    if found is None and patient is not None:  # the parse often hangs the aim on the means
        found = args.prep_target(patient, type_, exclude, where=False)
    return found


def _result_victims(tok: Token, exclude: set[int], args: ArgumentReader) -> Token | None:
    """Return the victims a result clause of the event noun `tok` names, if any."""
    harm_words = args.lex.dead_lemmas | args.lex.injured_lemmas
    for clause in tok.subtree:
        if (
            clause.dep_ != "relcl"
            or args.g.lemma(clause) not in args.lex.result_verbs
            or _nested(clause, tok, args)
        ):
            continue
        harms = [p for _, p in args.g.prep_objects(clause, _RESULT_PREPS)]
        harms += [c for c in args.g.kids(clause) if c.dep_ == "dobj"]  # "caused the deaths of …"
        for harm in harms:
            if harm.lemma_.lower() not in harm_words:
                continue
            for _, victim in args.g.prep_objects(harm, _VICTIM_PREPS):
                found = args.target_head(victim, exclude)
                if found is not None:
                    return found
    return None


def _nested(clause: Token, tok: Token, args: ArgumentReader) -> bool:
    """Whether another event noun lies between a clause and the event noun `tok` it hangs under."""
    head = clause.head
    while head.i != tok.i:
        if head.lemma_.lower() in args.lex.nouns:
            return True
        head = head.head
    return False
