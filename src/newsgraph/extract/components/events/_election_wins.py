"""A won election told in the words of war is no seizure and no assault.

Campaign reports borrow the verbs of conquest and of defeat: "Ted Cruz has captured Texas and Oklahoma",
"Mr. Obama ultimately captured Florida by about 74,000 votes", "Clinton had captured 1,944 delegates",
"it takes 1,237 delegates to win the nomination"; "Clinton defeated Sanders by 20 points in the Arizona
primary", "McCain … was crushed by Obama", "polling shows Trump crushing Rubio in the Sunshine State".
CAMEO codes a place captured as an occupation and a foe crushed as an assault or a repression; in an
election they are a vote won. `election_win` reads a draft as one when its sentence or one of the three
before it reports an election (a word of `campaign_context` or of `election_words`), nothing in its
sentence is violent (`violence_cues`, a toll) and no side is armed, and either

- its trigger is a verb of taking (`taking_verbs`) whose every object is what a vote gives (`vote_nouns`:
  "1,944 delegates", "the nomination"), or a place (a GPE or LOC entity) taken by people named as persons
  ("Cruz captured Iowa", "his home state of Texas"; "Russia captured Crimea" is no candidate's win and
  stays), or
- its trigger is a verb of defeating (`defeat_verbs`) whose every target is a person ("defeated Sanders",
  "beat the senator from Vermont") and whose every source is a person or is left unnamed.

The words are in `election_wins.json`; the armed test is the filter's own (`EventFilter._armed`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Span

from newsgraph.extract.components.events._actors import Actor
from newsgraph.extract.components.events._drafting import Draft
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import Lexicon
from newsgraph.extract.extensions import entity_by_id
from newsgraph.extract.lexicons import load_json

_CONTEXT_BEFORE = 3
"""How many sentences before an event's own may tell that it reports an election (a live report: "Donald
Trump is marking his victories … a general election fight …. … Ted Cruz has captured Texas and Oklahoma.")."""
_PLACE_TYPES = frozenset({"GPE", "LOC"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me", "you"})


@cache
def _words() -> dict[str, frozenset[str]]:
    """The word lists of `election_wins.json`."""
    data = load_json("election_wins.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def election_win(
    d: Draft, sents: list[Span], g: Grammar, lex: Lexicon, armed: Callable[[Draft], bool]
) -> bool:
    """Whether a draft is a vote won told as a seizure or a defeat (see the module docstring)."""
    words = _words()
    trig = g.lemma(d.tok)
    taking = trig in words["taking_verbs"]
    if not taking and trig not in words["defeat_verbs"]:
        return False  # the cheapest test first: nearly no trigger is one
    if d.dead or d.injured or not d.targets or armed(d):
        return False
    doc = d.tok.doc
    if g.words(d.tok) & lex.violence_cues:
        return False  # "rebels captured the town as voters went to the polls"
    if taking:
        if not _taken_vote(doc, d, words["vote_nouns"], lex.title_nouns):
            return False
    elif not all(_person(doc, a, lex.title_nouns) for a in d.sources + d.targets):
        return False
    return _election_context(d, sents, g, lex.campaign_context | words["election_words"])


def _taken_vote(doc: Doc, d: Draft, vote_nouns: frozenset[str], titles: frozenset[str]) -> bool:
    """Whether all a taking's objects are what a vote gives, or places taken by persons."""
    if all(doc[a.head].lemma_.lower() in vote_nouns for a in d.targets):
        return True  # "captured 1,944 delegates", "it takes 1,237 delegates"
    if not all(_place(doc, a) for a in d.targets):
        return False
    return all(_person(doc, a, titles) for a in d.sources)  # "Russia captured Crimea" stays


def _place(doc: Doc, actor: Actor) -> bool:
    """Whether an actor is a place: a GPE or LOC entity, or a noun that a place's name follows after "of"
    ("his home state of Texas")."""
    entity = entity_by_id(doc, actor.entity)
    if entity is not None and entity.type in _PLACE_TYPES:
        return True
    named = (
        pobj
        for prep in doc[actor.head].children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    )
    return any(t.ent_type_ in _PLACE_TYPES for t in named)


def _person(doc: Doc, actor: Actor, titles: frozenset[str]) -> bool:
    """Whether an actor is a person: a PERSON entity, a personal pronoun, or one named by a title ("the
    senator from Vermont", `title_nouns`)."""
    entity = entity_by_id(doc, actor.entity)
    if entity is not None and entity.type == "PERSON":
        return True
    head = doc[actor.head]
    return head.lower_ in _PERSON_PRONOUNS or head.lemma_.lower() in titles


def _election_context(d: Draft, sents: list[Span], g: Grammar, cues: frozenset[str]) -> bool:
    """Whether the draft's sentence or one of the three before it has a word of an election."""
    if g.words(d.tok) & cues:
        return True
    first = max(0, d.sent - _CONTEXT_BEFORE)
    return any(set(g.sentence_lemmas(sents[k])) & cues for k in range(first, d.sent))
