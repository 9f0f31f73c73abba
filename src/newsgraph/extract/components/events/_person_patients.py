"""Verbs whose harm sense needs a person to suffer it: "execute" kills a person, and carries out a thing.

"Security forces began executing thousands of dissidents" is a killing; "Cruz's team executed this
flawlessly", "designed and executed a marketing campaign", "they will execute with aplomb" and "good at
executing on that" carry out a plan. The verbs (`person_patient_verbs`) code their harm only when the one
they are done to, the object (the subject of a passive, the noun a participle or a relative clause
modifies), can be an actor (`ArgumentFinder.is_actorish`: a name, a people noun, a personal pronoun, a count
of people), not a demonstrative ("this", "that"); with a thing or no patient at all the verb is no event.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

_MODIFIER_DEPS = frozenset({"acl", "relcl"})
_RELATIVES = frozenset({"who", "whom", "that", "which"})


def harms_no_person(verb: Token, g: Grammar, lex: Lexicon, is_actorish: Callable[[Token], bool]) -> bool:
    """Whether `verb` is a verb of `person_patient_verbs` with no person as its patient ("executed a
    campaign", "will execute with aplomb")."""
    if g.lemma(verb) not in lex.person_patient_verbs:
        return False  # the cheapest test first: nearly no verb is one of these
    patient = g.object_of(verb)
    if (patient is None or patient.lower_ in _RELATIVES) and verb.dep_ in _MODIFIER_DEPS:
        # "the prisoners executed by the regime", "dissidents who were executed", "those executed"
        return not is_actorish(verb.head)
    # a demonstrative object stands for a thing ("executed this flawlessly", "executing on that")
    return patient is None or patient.tag_ == "DT" or not is_actorish(patient)
