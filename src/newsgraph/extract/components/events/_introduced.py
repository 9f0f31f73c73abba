"""An indefinite "a man", "a 35-year-old woman" in an article's first sentence stands for the one
person the article names just after it.

News introduces a private person by sex or age first and names them in the next sentence or the one
after ("A man about to be indicted … died Tuesday. … Bruce Edwards Ivins, 62, was taken to …"; "a judge
imprisoned a man … Mohammed Ali, 31, from Liverpool, was convicted"). `introduced` reads a phrase of
"a"/"an" and a singular noun that says only sex or age (`introduced_nouns` in `event_rules.json`), with
no name among its words, in the lede (further on, "seize property from an elderly woman. 'Jeb wants
…'", the next name is often someone else's), and returns the person it stands for: the one person
first named after the phrase, in its own sentence or the two next (the window of a lede's title,
`Descriptions._ahead`), who is not mentioned before it and holds no recorded role (an official named
there, "Judge Alan Moats", is someone else). Two such persons, or none, and the phrase stays as it is
(no guess).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.extensions import get_entities
from newsgraph.models import Entity

_NAME_TYPES = frozenset({"PERSON", "NORP", "GPE", "LOC", "ORG", "FAC"})
_LEFT_DEPS = frozenset({"det", "amod", "compound", "nummod", "npadvmod", "punct", "advmod", "quantmod"})


def introduced(doc: Doc, head: Token, end: int, nouns: frozenset[str]) -> Entity | None:
    """The person an indefinite "a man" stands for, named after it and before character `end`, else None."""
    if head.tag_ != "NN" or head.lemma_.lower() not in nouns or head.sent.start != 0:
        return None  # the lede's "a man" only: further on, the next name is often someone else's
    lefts = list(head.lefts)
    if not lefts or lefts[0].lower_ not in ("a", "an") or lefts[0].dep_ != "det":
        return None
    words = [t for c in lefts for t in c.subtree]
    if any(c.dep_ not in _LEFT_DEPS for c in lefts) or any(
        t.pos_ == "PROPN" or t.ent_type_ in _NAME_TYPES for t in words
    ):
        return None  # "a Berlin man", "his wife": words that pick out someone else
    after = head.idx + len(head.text)
    named = [
        e
        for e in get_entities(doc)
        if e.type == "PERSON"
        and not e.roles
        and all(m.kind == "pronoun" or after <= m.start for m in e.mentions)
        and min((m.start for m in e.mentions if m.kind == "name"), default=end) < end
    ]
    return named[0] if len(named) == 1 else None
