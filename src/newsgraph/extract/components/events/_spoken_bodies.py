"""The body a speaker's "we" stands for when the entities component recorded none: the organisation the
speaker's own office phrase names.

An office is held in a body, and its holder's "we" is the body ("“We will not back down,” a Twitter
spokesman said": Twitter; "said a spokeswoman for Amnesty International"; "the Taliban foreign ministry
spokesperson"). A speaker known only by a description ("a State Department official") is no name the
entities component gives an affiliation, so `office_body` reads the speaker's description mentions: a
head noun of an office held in a body (`office_nouns`, `event_actors.json`) whose compound, possessive
or "of"/"for"/"at"/"with"/"from" phrase (`_affiliations.body_phrases`) holds an organisation's name.

A bare singular "the spokesperson" is the office holder the article spoke of last with that noun ("A
U.S. State Department spokesperson expressed sorrow … “We have urged …,” the spokesperson said"): the
nearest phrase before it with the same noun, in the same number, decides, through a chain of bare
ones; a nearer phrase that names no organisation ("Cameron's spokesman", "an official") stops the
reading.

No body is read when the phrase gives more than one ("spokesmen at the FBI and Justice Department",
"assistant to the president and director of the Office of …": coordinated bodies or offices), when the
holder no longer holds the office (`past_holder_words`: "a former State Department official"), or when
the body is no organisation: a place or a nationality ("a Mexican official", "a Jupiter police
spokesman") is where the speaker is from, as `_pronouns._body_of` reads an affiliation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._affiliations import body_phrases
from newsgraph.extract.components.events._bodies import bare
from newsgraph.extract.components.events._lexicon import load_lexicon
from newsgraph.extract.extensions import entity_at_token
from newsgraph.models import Entity

_JOINED = frozenset({"cc", "conj"})


def office_body(doc: Doc, speaker: Entity) -> Entity | None:
    """The organisation a speaker's description mention names as the body of the speaker's office, the
    first such mention's; None when no description names one."""
    offices = load_lexicon().office_nouns
    for m in speaker.mentions:
        if m.kind != "description":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        head = span.root if span is not None else None
        if head is None or head.lemma_.lower() not in offices:
            continue
        body = _named_body(head) if not bare(head) else _introduced_body(doc, head)
        if body is not None:
            return body
    return None


def _named_body(head: Token) -> Entity | None:
    """The organisation named in an office noun's own phrase: the one at the phrase's head ("the State
    Department" of "a State Department official"), else the first in it ("Taliban" of "the Taliban
    foreign ministry spokesperson"); None for a past holder or more than one office or body."""
    past = load_lexicon().past_holder_words
    if head.dep_ == "conj" or any(c.dep_ in _JOINED or c.lower_ in past for c in head.children):
        return None
    doc = head.doc
    for words, at in body_phrases(head):
        if any(t.dep_ in _JOINED for t in words) or any(c.dep_ == "conj" for c in doc[at].children):
            return None
        own = entity_at_token(doc, at)
        if own is not None and own.type == "ORG":
            return own
        named = (entity_at_token(doc, t.i) for t in words)
        found = next((e for e in named if e is not None and e.type == "ORG"), None)
        if found is not None:
            return found
    return None


def _introduced_body(doc: Doc, head: Token) -> Entity | None:
    """The organisation of the office holder a bare "the <office noun>" goes back to: the nearest earlier
    phrase with the same noun in the same number names it, or is bare too and the reading goes on."""
    lemma = head.lemma_.lower()
    for k in range(head.i - 1, -1, -1):
        tok = doc[k]
        if tok.lemma_.lower() != lemma or tok.tag_ != head.tag_ or tok.pos_ != head.pos_:
            continue
        if bare(tok):
            continue
        return _named_body(tok)
    return None
