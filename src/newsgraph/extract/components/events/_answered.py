"""Who a demand was made to: the one who answers it (`Drafter` asks here for a noun of asking's target).

In English the one who responds to, rejects, accepts, meets, heeds, ignores, considers or complies with a
demand, a request, an appeal or a threat is the one it was made to: "X rejected Y's demands" says that Y
demanded of X. A noun of asking (an event noun of the type REQUEST or THREATEN) that is the object of such a
verb, or the object of the verb's "to", "with" or "by" phrase ("responded to BLA's demands", "complied with
the court's request", "bowed to the ultimatum"), takes the verb's doer as its target: "Officials have not
responded to BLA's demands" is a demand by BLA of the officials. The doer is found as for any verb, through
control and the passive's "by" phrase ("refused to meet the strikers' demands", "the demands were rejected
by the company"). It is never the noun's own doer, which a clause's subject otherwise stands in for when the
noun names none ("the regime heeded the ultimatum" is no threat by the regime). The verbs are
`answering_verbs` of `event_rules.json`, a verb with the preposition it takes such an object with.

A request for comment ("did not respond to VOA requests for comment") asks for words, as a reporter does of
anyone; declining it is declining comment (`_declined_comments.py`; the nouns of comment are its
`declined_comment_nouns`), and whoever ignores it was asked for no political act: it is not read. A demand
for details or specifics of a policy ("ignored Congress's demand for specifics") is a political demand and
is read.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

ASKING_TYPES = frozenset({"REQUEST", "THREATEN"})
"""The types of the nouns of asking: a demand, a request, an appeal, a plea; a threat, an ultimatum."""


def answerer(noun: Token, type_: str, g: Grammar, lex: Lexicon) -> Token | None:
    """Return the doer of the verb that answers a noun of asking (see the module docstring), else None."""
    if type_ not in ASKING_TYPES:
        return None
    if any(pobj.lower_ in lex.declined_comment_nouns for _, pobj in g.prep_objects(noun, ("for",))):
        return None  # "requests for comment": words asked for, declining them declines comment
    cur = noun.head if noun.dep_ == "conj" and noun.head.i != noun.i else noun  # "the demands and requests"
    prep = ""
    verb = cur.head
    if cur.dep_ == "pobj" and verb.dep_ == "prep":
        prep, verb = " " + verb.lower_, verb.head
    elif cur.dep_ not in ("dobj", "obj", "nsubjpass"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.i == noun.i:
        return None
    words = g.lemma(verb) + "".join(" " + c.lower_ for c in g.kids(verb) if c.dep_ == "prt")
    if words + prep not in lex.answering_verbs:
        return None
    doer = g.agent(verb)
    if doer is None or doer.i == noun.i or doer.i in {t.i for t in noun.subtree}:
        return None
    return doer
