"""Infinitives with a "for" subject: "called for Israel to withdraw", "pressed for Congress to act".

In "called for both sides to halt the fighting" the parse reads "for" as the marker (`mark`) of the
infinitive clause whose subject follows it, and hangs the clause from the verb as an adverbial clause
(sometimes as a complement). The verb then has no "for" phrase of its own, so its pattern ("call for",
"press for", "appeal for") is not seen. The clause is the verb's complement, as "a ceasefire" is in
"called for a ceasefire": its "for" is the verb's preposition, its subject is who is asked (the target
of the request, `Grammar.asked_clause`) and the infinitive is what is asked, the request's content,
not a deed of the one asked. Whether the verb's "for" asks is the lexicons' word: "call for", "press
for" are requests; "waited for the rebels to disarm", "arranged for the hostages to fly home" have no
request pattern and stay no request.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

FOR_CLAUSE_DEPS = frozenset({"advcl", "ccomp"})
"""The dependencies of a clause `for_subject_clause` can hold for: a verb's other children are none."""
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def for_subject_clause(clause: Token, kids: Sequence[Token]) -> bool:
    """Whether a clause (with its children `kids`) is a to-infinitive whose own subject follows "for"
    after the verb it hangs from: "(called) for the army to withdraw", "(pressed) for the law to be
    changed". A thing as the subject ("appealed for blankets to help refugees") is asked for, and
    names no one asked (`Grammar.asked_doer` and the actor test of `ArgumentFinder.content_target`)."""
    if clause.dep_ not in FOR_CLAUSE_DEPS or clause.i < clause.head.i:
        return False
    mark = next((c for c in kids if c.dep_ == "mark" and c.lower_ == "for"), None)
    if mark is None or not clause.head.i < mark.i < clause.i:
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and any(
        c.dep_ in _SUBJECT_DEPS and mark.i < c.i < clause.i for c in kids
    )
