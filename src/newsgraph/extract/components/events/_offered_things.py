"""Offers of things: "offer" with a noun object is an intent to cooperate only if it offers what CAMEO codes.

CAMEO's dictionary codes the verb OFFER alone as an intent to cooperate (030), and its OFFER block lists
the things whose offer it codes: aid and assistance, talks, a ceasefire, concessions, mediation, support,
asylum, money (OFFER * &CURRENCY) … An offer of anything else is no act between parties: "offered a window
into their relationship", "offers a preview", "offered a slogan" present or express something; "began to
offer layoff packages to their workforces", "how much parental leave it offers employees" are an
employer's terms to its staff. So a verb of `offering_verbs` with a noun object and no infinitive or
clause is an event only when a pattern of its block fits (`CameoDictionary.match` reads the object's
words), when it offers a sum of money ("offering $30 billion", the dictionary's &CURRENCY written in
figures) or when its object is itself an event noun ("offered aid", "offered talks"). "Offered to mediate",
"offered to resettle the refugees" are intents whatever is offered; a relative clause ("the aid that the
country offered") names its object outside the verb's words and is left as it was.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._dictionary import CameoMatch
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon

_OBJECTS = frozenset({"dobj", "obj"})
_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})


def offers_no_act(verb: Token, kids: list[Token], match: CameoMatch | None, g: Grammar, lex: Lexicon) -> bool:
    """Whether an offering verb offers a thing no pattern of its dictionary block codes ("offered a
    window", "offer layoff packages"): a noun object, no infinitive or clause, no money, no event noun."""
    if g.lemma(verb) not in lex.offering_verbs:
        return False  # the cheapest test first: nearly no verb is one
    if match is None or match.size > 0:
        return False  # a pattern of the block fits ("offered talks", "offered an olive branch")
    if any(c.dep_ in _COMPLEMENTS for c in kids):
        return False  # "offered to mediate": the offer of an act
    obj = next((c for c in kids if c.dep_ in _OBJECTS), None)
    if obj is None:
        return False
    if obj.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
        return False  # "the aid that the country offered": the thing is the clause's head, not read here
    things = [obj, *obj.conjuncts]
    if any(t.ent_type_ == "MONEY" for thing in things for t in thing.subtree):
        return False  # "offering $30 billion": money, the dictionary's &CURRENCY
    return not any(g.noun_lemma(t) in lex.nouns for t in things)
