"""A common noun that names people is a generic actor, an entity of its own, even when it names no
sector: "a suspect", "four vendors", "276 schoolgirls", "six foreign medical personnel", and any
noun a verb asks, urges or accuses to act ("urged consumers to cook …", "asked the border customs to
increase …", "accused the regional body of failing …").

The actor finder makes a `GROUP` entity for an actor phrase headed by a sector noun or a Phoenix
agent noun ("protesters", "Afghan security forces"). A phrase headed by another noun for people (the
people nouns of `_people_nouns.py`: kin, trades, offices, professions, pupils, suspects) or by
a noun that controls a deed's infinitive or gerund was kept as an actor by its text alone, with no
entity, so the store held no actor for it and a query by actor missed the event. `generic_actor`
says when such a noun is to get its group too; the finder asks it only after every name inside the
phrase has had its turn ("his colleague Chengeto Chidi" is the person).

A noun with a possessor ("her husband", "his rival", "my father") is no generic actor: English names by
it the ones who stand in that relation to the possessor, often a person the article names, so a group of
that name would be a wrong kind of entity; it stays as it was. The plural of a noun for those who stand
for or against another party (`adherent_nouns`: "its followers", "Sanders's backers", "his critics", "its
allies") is the exception (`others_of`): it names a group of other people than the possessor, who do not
act for it as its forces or officials do, so it is a group of its own, never the possessor it names.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._grammar import controls_infinitive
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._people_nouns import people_noun


def generic_actor(head: Token, lex: Lexicon) -> bool:
    """Whether a common noun heading an actor phrase names people: a person noun, or the doer of a
    deed a verb asks of it. A set lookup first; the parse is read only for other nouns."""
    lemma = head.lemma_.lower()
    if not people_noun(head, lex) and (lemma in lex.non_actor_heads or not controls_infinitive(head, lex)):
        return False
    owned = any(c.dep_ == "poss" for c in head.children)  # "her husband", "his rival": someone's own
    return not owned or others_of(head, lex)


def others_of(head: Token, lex: Lexicon) -> bool:
    """Whether a common noun names, in the plural and under a possessor, the people who stand for or against
    that possessor ("its followers", "Sanders's backers", "his critics"), with no name in apposition ("his
    rivals, Smith and Jones" are those people)."""
    if head.tag_ != "NNS" or head.lemma_.lower() not in lex.adherent_nouns:
        return False
    kids = list(head.children)
    return any(c.dep_ == "poss" for c in kids) and not any(c.dep_ == "appos" for c in kids)
