"""A verb's own complement outranks a later conjunct's object as its target.

`Grammar.patient` lets a verb with no object share the object of a verb conjoined after it ("to close or
suspend U.S. operations"). A verb whose own phrase already names whom it is done to ("called on the FDA to
publicize its studies, and told CNN …": the FDA, a phrase of the kind `ArgumentFinder` reads as a target)
does not share it: the later verb's object is that verb's own. A verb whose phrases name no party still shares
it ("called for more research, and urged the Board to …", "agreed to a phone call, but only to tell Garland").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar


def _borrowed(verb: Token, patient: Token) -> bool:
    """Whether a patient is the object of a verb conjoined after this one, not the verb's own."""
    return patient.head.i != verb.i and any(c.i == patient.head.i for c in verb.conjuncts)


def own_patient(g: Grammar, verb: Token, addressee: Callable[[], Token | None]) -> Token | None:
    """Return the verb's patient (`Grammar.patient`), but not a later conjunct's object when the verb has a
    phrase of its own that names a party (`addressee`: the phrase `ArgumentFinder` reads as the target of a
    verb without an object)."""
    patient = g.patient(verb)
    if patient is None or not _borrowed(verb, patient):
        return patient
    return None if addressee() is not None else patient
