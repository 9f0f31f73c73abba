"""A counted description stands for the parties named just before it: "the two presidents", "both countries".

`CountedParties.parties` reads an actor phrase that counts a plural noun and is definite ("the two
presidents", "both countries", "the three nations") and returns the entities it stands for: the
countries the article named ("countries", "nations", `country_nouns` in `event_actors.json`; a capital
counts as its country, `countries.tsv`), or the persons who hold the title the noun names
("presidents" for "President Putin" and "President Erdogan", "foreign ministers" for "Foreign Minister
…"; the entities component's roles). They are read in the phrase's own sentence before it and in the
sentence before that, and only exactly as many distinct ones as the phrase counts will do: fewer or
more, and the description stays as it is (no guess). A phrase with a name of its own ("the two
Korean leaders", "both Gulf countries"), one an apposition names ("the two leading Republicans,
Trump and Cruz") and "the other two" are left alone.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import Actor
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_at_token, get_entities
from newsgraph.models import Entity

_WINDOW = 1
"""Sentences before the phrase's own that are read for its parties."""
_DEFINITE = frozenset({"the", "these", "those"})
_MOST = 5  # "the five nations" at most: a larger count is a bloc with a name of its own

Fit = Callable[[Entity, str], str | None]
"""The key of an entity's mention that fits a description (a country code, a person's id), or None."""


class CountedParties:
    """Resolve counted definite descriptions to the entities named before them (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar) -> None:
        self.lex = lex
        self.g = grammar

    def parties(self, doc: Doc, actor: Actor) -> list[Actor] | None:
        """The actors a counted description stands for, each with the description's phrase, or None."""
        head = doc[actor.head]
        known = entity_at_token(doc, head.i)
        if head.tag_ != "NNS" or (known is not None and known.type != "GROUP"):
            return None
        count = self._count(head)
        fit = self._fit(head) if count is not None else None
        if fit is None:
            return None
        found = self._named_before(doc, head, doc[actor.start].idx, fit)
        if len(found) != count:
            return None
        return [Actor(actor.head, actor.start, actor.end, e.name, e.id) for e in found]

    def expand(self, doc: Doc, actors: list[Actor]) -> list[Actor]:
        """The actors with each counted description replaced by the parties it stands for."""
        out: list[Actor] = []
        for a in actors:
            out.extend(self.parties(doc, a) or [a])
        return out

    def _count(self, head: Token) -> int | None:
        """How many a definite phrase counts ("the two", "both", "those three"), else None."""
        kids = self.g.kids(head)
        if any(c.dep_ in ("appos", "poss") or c.lower_ in ("other", "such") for c in kids):
            return None
        both = any(c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj") for c in kids)
        definite = both or any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in kids)
        numbers = [c for c in kids if c.dep_ == "nummod"]
        if not definite or len(numbers) > 1:
            return None
        if not numbers:
            return 2 if both else None
        value = self.lex.number_words.get(numbers[0].lower_)
        return int(value) if value is not None and 2 <= value <= _MOST else None

    def _fit(self, head: Token) -> Fit | None:
        """What a mention must be to fit the noun: a country, or a person with the noun's title."""
        kids = self.g.kids(head)
        if any(
            c.dep_ in ("amod", "compound", "nmod")
            and (c.pos_ == "PROPN" or c.ent_type_ or c.lower_ in self.lex.demonyms)
            for c in kids
        ):
            return None  # "both Gulf countries", "the two Korean leaders": a name of its own
        lemma = head.lemma_.lower()
        if lemma in self.lex.country_nouns:
            return self._country
        if lemma not in self.lex.title_nouns:
            return None
        words = [c.lemma_.lower() for c in kids if c.dep_ == "compound" and c.i < head.i] + [lemma]
        title = " ".join(words)

        def holder(entity: Entity, _text: str) -> str | None:
            roles = (r.lower() for r in entity.roles)
            held = any(r == title or r.endswith(" " + title) for r in roles)
            return entity.id if entity.type == "PERSON" and held else None

        return holder

    def _country(self, entity: Entity, text: str) -> str | None:
        """The country code of a country's (or its capital's) name."""
        return self.lex.countries.get(text.lower()) if entity.type == "GPE" else None

    def _named_before(self, doc: Doc, head: Token, end: int, fit: Fit) -> list[Entity]:
        """The distinct fitting entities named in the window before character `end`, in text order."""
        sents = self.g.sentences(doc)
        k = bisect_right([s.start for s in sents], head.i) - 1
        start = sents[max(0, k - _WINDOW)].start_char
        first: dict[str, tuple[int, Entity]] = {}
        for entity in get_entities(doc):
            for m in entity.mentions:
                if m.kind == "pronoun" or not start <= m.start < m.end <= end:
                    continue
                key = fit(entity, m.text)
                if key is not None and (key not in first or m.start < first[key][0]):
                    first[key] = (m.start, entity)
        return [e for _, e in sorted(first.values(), key=lambda x: x[0])]
