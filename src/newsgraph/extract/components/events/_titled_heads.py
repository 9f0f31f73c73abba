"""A title that heads an actor phrase before the name of its holder ("India's Prime Minister Narendra Modi").

In news English "COUNTRY's TITLE NAME" ("Russia's President Vladimir Putin", "Japan's Prime Minister
Shinzo Abe", "Indonesia's President, Susilo Bambang Yudhoyono", "Wendy's spokesman Joe Desmond") names
the person; the possessor is the body or country the office belongs to, the person's affiliation. The
parser often makes the title the phrase's head with the name in apposition to it, and the possessor is
then the only name left of the head: the actor is the titled person, not the possessor.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.extensions import entity_at_token
from newsgraph.models import Entity


def titled_holder(doc: Doc, head: Token, g: Grammar, titles: frozenset[str]) -> Entity | None:
    """The person a one-person title names in apposition after it ("Minister" in "India's Prime Minister
    Narendra Modi": Modi), else None. Only a singular title owned by a name qualifies."""
    if head.tag_ not in ("NN", "NNP") or head.lemma_.lower() not in titles:
        return None  # cheapest test first: most actor heads are no title
    kids = g.kids(head)
    if not any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in kids):
        return None  # "the president, Jane Roe" is linked by its own mention
    for c in kids:
        if c.dep_ == "appos" and c.i > head.i and c.ent_type_ == "PERSON":
            person = entity_at_token(doc, c.i)
            if person is not None and person.type == "PERSON":
                return person
    return None
