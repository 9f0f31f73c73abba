"""A pronoun below a clause whose subject cannot be its antecedent: the object that clause names.

English looks for a pronoun's antecedent in its own sentence first. In a clause below another ("since
they …", "urging him …", "by asking them …") the pronoun goes with the subject of a clause above it; when
that subject cannot stand for it (a plural for "he", a person for "they", a body for "she", or a negative
quantifier such as "no country", which names no one), it goes with what that clause acts on: "No country
has recognized the rebels since they seized the capital" (the rebels), "the senators wrote to the
minister, urging him to act" (the minister). The direct object comes first, then the nearest object of a
preposition of the verb ("to the minister") or of the direct object ("sent a letter to the minister");
an "as" phrase only describes the object ("recognized the rebels as the government") and a date is no
party. A clause whose subject is another pronoun ("he met the minister before he left"), a noun that may
stand for the pronoun, or a name of unknown kind is left to `ActorFinder.antecedent`'s other steps.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._pronouns import agrees

_SUBJ = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = ("dobj", "dative")
_DESCRIBING_PREPS = frozenset({"as", "like"})
_MAX_CLIMB = 8
_WHEN_LABELS = frozenset({"DATE", "TIME"})


def names_no_one(tok: Token, g: Grammar) -> bool:
    """Whether a noun is denied by a negative quantifier ("no country", "no one"): it names no party."""
    return any(d.dep_ == "det" and d.lower_ == "no" for d in g.kids(tok))


def _rules_out(pron: Token, subject: Token, g: Grammar) -> bool:
    """Whether a subject cannot be the pronoun's antecedent: denied ("no country …"), or a noun whose
    number or kind does not agree with it ("the senators … him", "the ministry … she"). A name whose kind
    the parse does not tell ("President Ruto" without a label) may be anyone, unless it is plural."""
    if names_no_one(subject, g):
        return True
    if subject.pos_ not in ("NOUN", "PROPN"):
        return False  # another pronoun: left to the chain of pronouns
    if subject.pos_ == "PROPN" and not subject.ent_type_ and subject.tag_ != "NNPS":
        return False
    return not agrees(pron.lower_, subject)


def object_antecedent(pron: Token, g: Grammar, is_actor: Callable[[Token], bool]) -> Token | None:
    """The object of a clause above a pronoun whose subject cannot stand for it (module docstring);
    `is_actor` tells whether a noun names a party (`ActorFinder.is_actor`)."""

    def fits(c: Token) -> bool:
        when = c.ent_type_ in _WHEN_LABELS  # "wrote to the minister on Friday": a day is no party
        return c.pos_ in ("NOUN", "PROPN") and not when and is_actor(c) and agrees(pron.lower_, c)

    tok = pron.head
    own = True  # the pronoun's own clause: its co-arguments are never its antecedent
    for _ in range(_MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX"):
            subject = next((c for c in g.kids(tok) if c.dep_ in _SUBJ and c.i != pron.i), None)
            if subject is not None and subject.i < pron.i:
                if not _rules_out(pron, subject, g):
                    return None  # another pronoun, or a subject that may be the antecedent
                if not own:
                    return _object(tok, pron, g, fits)
            own = False
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _prep_objects(tok: Token, g: Grammar) -> list[Token]:
    """The objects of a word's prepositions ("to" is a "dative" in "sent a message to"), but "as", "like"."""
    return [
        o
        for p in g.kids(tok)
        if p.dep_ in ("prep", "dative") and p.lower_ not in _DESCRIBING_PREPS
        for o in g.kids(p)
        if o.dep_ == "pobj"
    ]


def _object(verb: Token, pron: Token, g: Grammar, fits: Callable[[Token], bool]) -> Token | None:
    """The verb's direct object, else the nearest object of a preposition of the verb or of its direct
    object ("wrote a letter to the minister"), before the pronoun."""
    direct = [c for c in g.kids(verb) if c.dep_ in _OBJECTS]
    preps = _prep_objects(verb, g) + [o for c in direct for o in _prep_objects(c, g)]
    for group in (direct, sorted(preps, key=lambda o: -o.i)):
        found = next((c for c in group if c.i < pron.i and fits(c) and not names_no_one(c, g)), None)
        if found is not None:
            return found
    return None
