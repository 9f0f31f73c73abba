"""A practice named by a gerund is no party: "supports keeping troops there" backs a policy, not the troops.

A verb of one of `practice_types` takes a stance on an act or asks for one. When that act is a gerund
complement with no subject of its own ("he supports keeping troops there", "opposes sending Americans to
fight", "called for barring all Muslims", "has opposed defunding Planned Parenthood"), the gerund names a
practice or a policy whose doer is left open, and its object is what the practice would be done to: backing
or opposing it is no act toward that object (opposing the defunding of Planned Parenthood is rather on its
side), and a call for it asks someone else, unnamed, to act. So no word of such a gerund is the target; the
stance has none unless the verb names one, which is how a stance on a policy with no party is coded. A gerund
with its own subject ("we support people sharing their views") names whose act is backed, and a to-infinitive
("refused to meet the envoy") or a commitment ("committed to helping Ukraine", AGREE) is the source's own act,
whose object stays its target. A participle adjunct ("hailed the job growth, challenging Republicans to
prove …") is no complement: it is the source's own act, left as it is.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon

_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "dobj"})
"""A gerund as the verb's complement: "supports keeping", "called for barring", "condemned jailing"."""
_OWN_WORDS = frozenset({"nsubj", "nsubjpass", "csubj", "poss", "aux", "auxpass", "mark"})
"""The dependents that make a "-ing" verb more than a bare gerund: its own subject ("people sharing"), a
possessor ("his leaving"), an auxiliary ("were trying") or a subordinator ("while keeping")."""


def open_practice(clause: Token, type_: str, lex: Lexicon) -> bool:
    """Whether a complement of a verb of `type_` is a bare gerund naming a practice with no doer of its own
    ("supports keeping troops there"): no word of it is the verb's target."""
    if type_ not in lex.practice_types or clause.tag_ != "VBG" or clause.dep_ not in _COMPLEMENT_DEPS:
        return False
    return not any(c.dep_ in _OWN_WORDS for c in clause.children)
