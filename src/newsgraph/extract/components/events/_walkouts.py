"""The verb "strike" is a walkout only when workers strike.

As a verb, "strike" mostly hits, attacks or comes upon something: "struck on the idea", "struck populist
notes", "an agreement she had struck with the council", "the attackers struck in 2001", "a striking
presentation". It is a labour strike, PROTEST, when those who strike are workers or their union ("the
nurses struck", "thousands of dockworkers are striking", "employees who struck last week"): the subject's
noun, or the noun of its "of" phrase ("thousands of workers"), is one of `striking_workers`
(`plover_triggers.json`). The verb's frames ("struck for higher pay", "struck the base") are read before
this rule and keep their senses. `TriggerFinder` asks here before it codes the verb's own PROTEST sense.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar

_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def struck_by_workers(verb: Token, g: Grammar) -> bool:
    """Whether the doer of a "strike" verb is a worker, a staff or a union (see the module docstring)."""
    doer = g.agent(verb)
    if doer is not None and doer.lower_ in _RELATIVE_PRONOUNS and doer.head.dep_ == "relcl":
        doer = doer.head.head  # "employees who struck": the noun the clause modifies
    if doer is None:
        return False
    nouns = [doer, *(pobj for _, pobj in g.prep_objects(doer, ("of",)))]
    return any(g.noun_lemma(n) in g.lex.striking_workers for n in nouns)
