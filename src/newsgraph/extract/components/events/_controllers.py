"""Object control, read on the walk up a pronoun's clause chain to its antecedent.

A pronoun inside the infinitive of a verb whose object does that infinitive ("Congress required them to
produce plans to show they were making cuts", "require creditors to recognise that they can not hold out",
"requiring students to cut their hair", "urged the rebels to lay down their arms") refers to that object,
the doer of the infinitive, not to the verb's subject, when the two agree; the infinitive's own object is
not its doer ("called Sanders to congratulate him": not Sanders).

Binding (a pronoun object never stands for its own verb's subject: "required them") is applied only to
such a controlling object pronoun, whose referent the control chain is about: applied to every object
pronoun, the walk's fallback (the nearest other subject, the previous sentence's subject) found the wrong
antecedent about as often as the right one (docs/evaluation.md, e60's section and the note after it)."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._pronouns import agrees, same_referent

_OBJECTS = frozenset({"dobj", "dative"})


def controller(
    pron: Token, step: Token | None, verb: Token, g: Grammar, control: frozenset[str]
) -> Token | None:
    """The object of `verb` that does its infinitive `step`, when the walk from `pron` comes up through that
    infinitive and the object agrees with the pronoun ("required them to …": "them"), else None."""
    if step is None or step.dep_ != "xcomp" or verb.lemma_.lower() not in control:
        return None  # cheapest test first: most steps are no infinitive of a control verb
    if own_subject(pron, step):
        return None  # "called Sanders to congratulate him": the infinitive's own object is not its doer
    low = pron.lower_
    for c in g.kids(verb):
        if c.dep_ in _OBJECTS and c.i < step.i and c.i != pron.i:
            if c.pos_ == "PRON":
                return c if same_referent(low, c.lower_) else None
            return c if c.pos_ in ("NOUN", "PROPN") and agrees(low, c) else None
    return None


def own_subject(pron: Token, verb: Token) -> bool:
    """Whether `verb` is the verb a pronoun is the object of ("called Sanders to congratulate him")."""
    return pron.dep_ in _OBJECTS and pron.head.i == verb.i
