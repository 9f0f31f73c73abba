"""The party a threatened act names: "X warned that it would impose sanctions on Y" threatens Y.

A warning of the warner's own future act (`SpeechActs.warning`) names its target in the act, as a threat's
to-infinitive does ("threatened to impose sanctions on Y", `ArgumentFinder.content_target`): the act's
object when it is an actor ("would expel the diplomats"), else the party of the act's or its object's
preposition of aim ("exert pressure on Iran", "take action against the rebels"). An act told through a
verb of aspect or attempt ("will continue to exert pressure on Iran", "would try to isolate Kyiv") is read
through that verb's own infinitive. The warned party ("warned Moscow that …") comes first and is read
elsewhere, and so is the party a condition names ("would kill the hostages if the state did not …":
the state, `_pressed`); an instrument's object ("use force against X") is the means, not the target.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._arguments import ArgumentFinder
from newsgraph.extract.components.events._pressed import condition_clauses

_THREAT = "THREATEN"
_COMPANY_PREPS = frozenset({"with", "between"})
"""The prepositions of a threat's target that name a partner when they follow another act ("talks with X")."""
_DEPTH = 3
"""How many verbs of aspect or attempt an act is read through ("would continue to try to …")."""


def threatened_party(clause: Token, args: ArgumentFinder, exclude: set[int]) -> Token | None:
    """Return the head of the party the act of a warned clause `clause` is done to, else None. `exclude`
    holds the warner's tokens (and the clause's subject, its own pronoun or name)."""
    verb: Token | None = clause
    for _ in range(_DEPTH):
        if verb is None or _pressing(verb, args):
            # "would kill the hostages if the state does not …": the state is pressed (`_pressed`)
            return None
        found = _act_party(verb, args, exclude)
        if found is not None:
            return found
        verb = next((c for c in args.g.kids(verb) if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    return None


def _act_party(verb: Token, args: ArgumentFinder, exclude: set[int]) -> Token | None:
    """Return the party one verb of a threatened act names: its actor object, else its preposition of aim's
    party, else that of its object's."""
    patient = args.g.patient(verb)
    if patient is not None and args.g.lemma(verb) in args.lex.instrument_verbs:
        patient = None  # "would use force against X": the force is the means
    found = args.target_head(patient, exclude)
    if found is not None:
        return found
    for head, owners in ((verb, False), (patient, True)):
        found = (
            args.prep_target(head, _THREAT, exclude, where=False, owners=owners) if head is not None else None
        )
        if found is not None and not _partner(found):
            return found
    return None


def _pressing(verb: Token, args: ArgumentFinder) -> bool:
    """Whether an act is threatened on a condition about an actor ("if the state did not release …"): the
    condition's subject is whom the threat presses (`_pressed.Pressed`), not the act's own party."""
    return any(
        any(s.dep_ == "nsubj" and args.is_actorish(s) for s in args.g.kids(cond))
        for cond in condition_clauses(verb, args.g)
    )


def _partner(party: Token) -> bool:
    """Whether a party is named by a preposition of company ("would hold talks with X", "a deal between
    X and Y"): one the act is done with, not against."""
    prep = party.head if party.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in _COMPANY_PREPS
