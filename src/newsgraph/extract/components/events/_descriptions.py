"""A definite description stands for the parties the article named before it: "the two presidents",
"both countries", "the judge".

`Descriptions.parties` reads an actor phrase that has no entity of its own (or only a generic one) and
returns the entities it stands for:
- the persons an apposition names ("the federal health minister, Leona Aglukkaq,", "the two leading
  Republicans, Donald Trump and Ted Cruz,");
- a counted plural ("the two presidents", "both countries", "the three nations"): the countries the
  article named ("countries", "nations", `country_nouns` in `event_actors.json`; a capital counts as its
  country, `countries.tsv`) or the persons who hold the title the noun names ("presidents" for
  "President Putin" and "President Erdogan"; the entities component's roles), read in the phrase's own
  sentence before it and in the sentence before that. Exactly as many distinct ones as the phrase
  counts must be there: fewer or more, and the description stays as it is (no guess). "The" and a
  plural title alone ("the prime ministers") counts no one, but stands for the two holders named there;
- "the" and a bare title ("the judge", "the prime minister", "the party chairman"): the one person named
  before it in the article who holds that very title (a role's of-phrase aside, its abbreviations
  spelled out: "Prime Minister of Singapore", "Sen."); none or several, and it stays;
- the lede's "a man", "a 35-year-old woman": the one person named just after it (`_introduced`); "his
  group", "her company": the possessor's organisation when the sentence names it with them
  (`_possessed_bodies`);
- "the" and a bare noun that heads the name of the organisation mentioned last ("the department" after
  "the State Department"; `_bodies`), or the noun of a country's body the article just named ("the
  government" after "the Nepalese government"; `_same_head`), else the one country the article just
  named for a bare "the country" or "the government" (`_named_country`), else the one named actor the
  article gave the noun as its kind ("the company" after "the mining company Barrick Gold"; `_kind_names`).
Else a phrase with words of its own ("the two Korean leaders", "both Gulf countries", "the next
president", "the president of the court") and "the other two" are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._actors import Actor
from newsgraph.extract.components.events._bodies import named_body
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._introduced import introduced
from newsgraph.extract.components.events._kind_names import kind_named
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.components.events._name_modifiers import NameAgreement, own_name
from newsgraph.extract.components.events._named_country import named_country
from newsgraph.extract.components.events._office_names import office_apposed
from newsgraph.extract.components.events._possessed_bodies import possessed_body
from newsgraph.extract.components.events._same_head import country_body
from newsgraph.extract.extensions import entity_at_token, entity_by_id, get_entities
from newsgraph.models import Entity

_WINDOW = 1
"""Sentences before a counted phrase's own that are read for its parties."""
_AHEAD = 2
"""Sentences after a bare title's own that are read for its holder when none is named before it (the
lede's role, the name in the next sentence or the one after)."""
_DEFINITE = frozenset({"the", "these", "those"})
_OF_PHRASE = re.compile(r"\s(?:of|for|at|to|in)\s")
_STATE_FORCES = frozenset({"military", "police"})  # the sectors of a noun for a state's own force
_MOST = 5  # "the five nations" at most: a larger count is a bloc with a name of its own

Link = Callable[[Doc, Token], str | None]
"""The entity id of an actor phrase by its head (`ActorFinder.link`)."""
Fit = Callable[[Entity, str], str | None]
"""The key of an entity's mention that fits a description (a country code, a person's id), or None."""


def _place(doc: Doc, tok: Token) -> bool:
    """Whether a token is a place's name."""
    entity = entity_at_token(doc, tok.i)
    return entity is not None and entity.type in ("GPE", "LOC")


class Descriptions:
    """Resolve definite descriptions to the entities named before them (see the module docstring)."""

    def __init__(self, lex: Lexicon, grammar: Grammar, link: Link | None = None) -> None:
        self.lex = lex
        self.g = grammar
        self.link = link
        self.names = NameAgreement(lex, grammar)
        forces = (n for n, sector in lex.sector_nouns.items() if sector in _STATE_FORCES)
        self.last_only = frozenset(forces) | lex.anaphoric_nouns  # read back to the body mentioned last only
        self.owned_nouns = lex.anaphoric_nouns | lex.possessed_org_nouns  # "his group", "her company"

    def parties(self, doc: Doc, actor: Actor) -> list[Actor] | None:
        """The actors a description stands for, each with the description's phrase, or None."""
        head = doc[actor.head]
        known = entity_at_token(doc, head.i)
        if known is not None and known.type != "GROUP" and any(m.kind == "name" for m in known.mentions):
            return None  # a name, or a description the entities component already resolved
        start = doc[actor.start].idx
        if head.tag_ == "PRP" and known is not None and known.type == "PERSON":
            head, start = self._antecedent(doc, known) or (head, start)  # "She" for "the director"
        named = self._apposed(doc, head)
        if len(named) == 1:  # "A member of the Syrian parliament, Mohammed Mamoun,": the role as it
            # reads (PLOVER's actor is the role), pointed at the person the sentence names
            return [Actor(actor.head, actor.start, actor.end, actor.text, named[0][0].id)]
        found = [e for e, _ in named]
        if not found and head.tag_ in ("NN", "NNP"):  # the tagger reads a title as a name at times
            found = self._holder(doc, head, start) or self._introduced(doc, head)
            if not found:  # "the department" of "the State Department", "the Nepalese government"
                body = named_body(doc, head, start, self.last_only, self.lex.sector_nouns)
                body = body or self._country_body(doc, head, actor)
                body = body or self._named_country(doc, head, actor)
                body = body or kind_named(doc, head, self.lex, self.g)
                found = [body] if body is not None else []
        elif not found and head.tag_ in ("NNS", "NNPS"):
            found = self._counted(doc, head, start) or []
        if not found:
            return None
        return [Actor(actor.head, actor.start, actor.end, e.name, e.id) for e in found]

    def _introduced(self, doc: Doc, head: Token) -> list[Entity]:
        """The person the lede's "a man" introduces, named just after it (`_introduced`), or the
        organisation of "her group" named with its possessor (`_possessed_bodies`)."""
        found = introduced(doc, head, self._ahead(doc, head), self.lex.introduced_nouns)
        found = found or possessed_body(doc, head, self.owned_nouns)
        return [found] if found is not None else []

    def _country_body(self, doc: Doc, head: Token, actor: Actor) -> Entity | None:
        """The entity of the earlier "the Nepalese government" a bare "the government" stands for,
        unless the actor is linked to a named body already ("the militia" read as the YPG)."""
        own = entity_by_id(doc, actor.entity)
        if own is not None and own.type != "GROUP" and any(m.kind == "name" for m in own.mentions):
            return None
        earlier = country_body(doc, head, self.lex, self.g) if self.link is not None else None
        found = None if earlier is None or self.link is None else self.link(doc, earlier)
        return None if found is None else entity_by_id(doc, found)

    def _named_country(self, doc: Doc, head: Token, actor: Actor) -> Entity | None:
        """The country named just before a bare "the country"/"the government" (`_named_country`),
        unless the actor is linked to a named body already."""
        own = entity_by_id(doc, actor.entity)
        if own is not None and own.type != "GROUP" and any(m.kind == "name" for m in own.mentions):
            return None
        return named_country(doc, head, self.lex, self.g)

    def _antecedent(self, doc: Doc, entity: Entity) -> tuple[Token, int] | None:
        """The head word and start of the description a pronoun's person was first written as ("The
        UNICEF director said … She urged …"), when the person has no name."""
        first = next((m for m in entity.mentions if m.kind == "description"), None)
        span = None if first is None else doc.char_span(first.start, first.end, alignment_mode="expand")
        return None if span is None or first is None else (span.root, first.start)

    def expand(self, doc: Doc, actors: list[Actor], other: Sequence[Actor] = ()) -> list[Actor]:
        """The actors with each description replaced by the parties it stands for, unless that is a
        party of the event's `other` side (no one does it to themselves)."""
        others = {a.entity for a in other}
        named: set[str | None] = set()  # the parties descriptions stood for, once each
        out: list[Actor] = []
        for a in actors:
            found = self.parties(doc, a)
            if found and not any(f.entity in others for f in found):
                out.extend(f for f in found if f.entity not in named)
                named.update(f.entity for f in found)
            elif a.entity is None or a.entity not in named:
                out.append(a)
        return out

    # -- "the federal health minister, Leona Aglukkaq," ---------------------------------------------

    def _apposed(self, doc: Doc, head: Token) -> list[tuple[Entity, int]]:
        """The persons an apposition after a common noun names, each with its name's token ("the
        prosecutor, Carrie Cohen,", "the Democratic candidates, Hillary Clinton and Senator Bernie
        Sanders,"; a title's "The president of France, Nicolas Sarkozy," where the parse hangs the
        name on the office's place, `office_apposed`): one for a singular noun, two or more (as many
        as it counts) for a plural one; none when it names no one or another number ("some
        candidates — for instance, Ted Cruz")."""
        if head.pos_ != "NOUN":
            return []
        found: list[tuple[Entity, int]] = []
        office = office_apposed(head, self.g) if head.lemma_.lower() in self.lex.title_nouns else []
        for c in [*self.g.kids(head), *office]:
            if c.dep_ != "appos" or c.i < head.i or (found and _place(doc, c)):
                continue  # "A woman, Jane Roe of Leeds, England,": the parse hangs her home on the noun
            names = [c]
            for name in names:  # grows while read: the appositive name and its chain of conjuncts
                names.extend(k for k in self.g.kids(name) if k.dep_ == "conj" and k.i > name.i)
            for name in names:
                entity = entity_at_token(doc, name.i)
                if (
                    entity is None
                    or entity.type != "PERSON"
                    or all(m.kind != "name" for m in entity.mentions)
                ):
                    return []
                if all(entity is not e for e, _ in found):
                    found.append((entity, name.i))
        counted = [c for c in self.g.kids(head) if c.dep_ == "nummod"]
        count = self.lex.number_words.get(counted[0].lower_) if len(counted) == 1 else None
        if head.tag_ in ("NNS", "NNPS"):
            fits = len(found) >= 2 and (count is None or len(found) == count)
        else:
            fits = len(found) == 1
        return found if fits else []

    # -- "the judge" -------------------------------------------------------------------------------

    def _holder(self, doc: Doc, head: Token, start: int) -> list[Entity] | None:
        """The one person named before `start` who holds the bare title of "the judge", else None; a
        title with names of its own ("the Vermont senator") is the one holder who carries them
        (`_name_modifiers`). When no one before holds it, the one person first named in its sentence or
        the next two who does (news writes the role first and the name just after: "The U.N. envoy
        called for calm. Envoy Jane Roe said …"); two holders, and it stays. A name further on is
        not read: "the GOP nominee" of a 2016 article is not the 2012 "GOP nominee Mitt Romney" named
        thirty sentences later."""
        title = self._title(head, names_too=True)
        if title is None:
            return None
        kids = self.g.kids(head)
        lefts = [c for c in kids if c.i < head.i]
        if [c.lower_ for c in lefts if c.dep_ == "det"] != ["the"] or any(
            c.i > head.i and not c.is_punct and c.dep_ != "case" and not self._clause(c) for c in kids
        ):  # a possessive's "'s" aside: "the president's actions" are the holder's
            return None  # "the president of the court", "the judge who …": a person of its own
        if any(c.dep_ not in ("det", "compound", "amod") for c in lefts):
            return None  # "the court's president", "the 43rd president": words of its own
        names = [c for c in lefts if c.dep_ != "det" and own_name(c, self.lex)]
        titled = [e for e in get_entities(doc) if e.type == "PERSON" and self._holds(e, title)]
        holders = [
            e
            for e in titled
            if any(m.kind != "pronoun" and m.start < start for m in e.mentions)
            and (not names or self.names.agrees(doc, e, names, start))
        ]
        if not holders:  # the lede's "the U.N. envoy", the name just after it: the one holder
            end = self._ahead(doc, head)
            holders = [
                e
                for e in titled
                if min((m.start for m in e.mentions if m.kind != "pronoun"), default=end) < end
                and (not names or self.names.agrees(doc, e, names, end))
            ]
        return holders if len(holders) == 1 else None

    def _ahead(self, doc: Doc, head: Token) -> int:
        """The character where the sentences read for a name after a description end: its own and the
        `_AHEAD` next."""
        sents = self.g.sentences(doc)
        k = bisect_right([s.start for s in sents], head.i) - 1
        return sents[min(len(sents) - 1, k + _AHEAD)].end_char

    def _holds(self, entity: Entity, title: str) -> bool:
        """Whether one of a person's roles is the title: the same head noun, the title's other words
        among the role's, and each rank word of the role ("deputy", "former"; `titles.json`) among the
        title's: "federal prosecutor" holds "the prosecutor", "Iranian American journalist" "the
        journalist", "deputy minister" not "the minister"."""
        want = title.split()
        for held in self._held(entity):
            words = held.split()
            if not words or words[-1] != want[-1] or not set(want[:-1]) <= set(words[:-1]):
                continue
            if all(w in want for w in words[:-1] if w in self.lex.title_ranks):
                return True
        return False

    def _held(self, entity: Entity) -> set[str]:
        """The titles a person's recorded roles name, word for word, each without the of, for, at, to
        or in phrase that says where it is held and with its abbreviations spelled out: "Prime
        Minister of Singapore" holds "prime minister", "governor of the … Warab state" "governor",
        "Sen." "senator" (`titles.json`)."""
        held = set()
        for role in entity.roles:
            words = _OF_PHRASE.split(role.lower(), maxsplit=1)[0].split()
            held.add(" ".join(self.lex.spelled_titles.get(w, w) for w in words))
        return held

    def _clause(self, tok: Token) -> bool:
        """Whether a right modifier is a clause the parse hung on the noun ("accused the judge of
        lying"), no words that pick the person out."""
        return tok.dep_ == "prep" and all(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in self.g.kids(tok))

    def _title(self, head: Token, names_too: bool = False) -> str | None:
        """The title a noun and its modifiers name ("party chairman", "prime minister", "former
        president"), if it is one; a person holds it when it is one of their roles word for word, so
        "the next president" is no one's. A modifier that is a name of its own ("the Vermont senator",
        "the U.S. envoy") makes it no title, or with `names_too` is left out of it."""
        lemma = head.lemma_.lower()
        if lemma not in self.lex.title_nouns:
            return None
        mods = [c for c in self.g.kids(head) if c.dep_ in ("compound", "amod") and c.i < head.i]
        names = [c for c in mods if own_name(c, self.lex)]
        if names and not names_too:
            return None
        return " ".join([c.lower_ for c in mods if c not in names] + [lemma])

    # -- "the two presidents", "both countries" ---------------------------------------------------

    def _counted(self, doc: Doc, head: Token, start: int) -> list[Entity] | None:
        """The parties a counted plural stands for, when exactly as many are named just before it."""
        count = self._count(head)
        if count is None and self._plain_plural(head):  # "the prime ministers": the two named
            count = 2
        fit = self._fit(head) if count is not None else None
        if fit is None:
            return None
        found = self._named_before(doc, head, start, fit)
        return found if len(found) == count else None

    def _plain_plural(self, head: Token) -> bool:
        """Whether a phrase is "the" and a plural title alone ("the prime ministers", "the presidents"):
        it counts no one, but stands for the two holders of the title named just before it; a country
        noun's plural ("the countries") may stand for a bloc, and is left alone."""
        if head.lemma_.lower() not in self.lex.title_nouns or head.tag_ != "NNS":
            return False
        kids = self.g.kids(head)
        if any(c.i > head.i and not c.is_punct for c in kids):
            return False  # "the ministers of both countries", "the presidents who …"
        lefts = [c for c in kids if c.i < head.i]
        return [c.lower_ for c in lefts if c.dep_ == "det"] == ["the"] and all(
            c.dep_ in ("det", "compound", "amod") for c in lefts
        )

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
        if any(
            c.dep_ in ("amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ or c.lower_ in self.lex.demonyms)
            for c in self.g.kids(head)
        ):
            return None  # "both Gulf countries", "the two Korean leaders": a name of its own
        if head.lemma_.lower() in self.lex.country_nouns:
            return self._country
        title = self._title(head)
        if title is None:
            return None

        def holder(entity: Entity, _text: str) -> str | None:
            held = title in self._held(entity)
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
