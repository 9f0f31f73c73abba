"""Pronouns: which entities a third-person pronoun can stand for, when two name the same one, and who a
first person inside quotation marks is (the quote's speaker or the speaker's side, never a name in the
quoted words).

"he" and "she" stand for a person: never for a noun that names a body ("the government", "his team",
"the police"), read from the quotes component's list of the head nouns of bodies
(`speaker_nouns.json`, `organisation`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._channels import relayed_speaker
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._inner_quotes import inner_quoted
from newsgraph.extract.components.events._spoken_bodies import office_body
from newsgraph.extract.extensions import doc_text, entity_at_token, entity_by_id, get_quotes
from newsgraph.extract.lexicons import load_json
from newsgraph.models import Entity

_SPEAKER_SELF = frozenset({"i", "my", "me"})
_SPEAKER_SIDE = frozenset({"we", "us", "our"})
FIRST_PERSON = _SPEAKER_SELF | _SPEAKER_SIDE
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they"})  # "“I …,” he said": resolved in turn
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_QUOTED_INDEX = "newsgraph_events_quoted"
_MAX_CLIMB = 8
_PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers"})


@cache
def body_nouns() -> frozenset[str]:
    """The head nouns that name a body, not a person ("ministry", "team", "police")."""
    return frozenset(load_json("speaker_nouns.json")["organisation"])


def pronoun_fits(pron: str, type_: str) -> bool:
    """Whether a pronoun can stand for an entity of a type: "they" no one person, "he" no country."""
    if pron in ("they", "them", "their", "theirs"):
        return type_ != "PERSON"
    if pron in _PERSONAL:
        return type_ not in ("GPE", "ORG", "NORP", "LOC")
    return pron not in ("it", "its") or type_ != "PERSON"


def agrees(pron: str, tok: Token) -> bool:
    """Whether a pronoun can refer to a noun (person, number; the type of the entity it names)."""
    known = entity_at_token(tok.doc, tok.i)
    label = known.type if known is not None and not tok.ent_type_ else tok.ent_type_
    if tok.tag_ in ("NNS", "NNPS"):
        return pron not in ("it", "its", "he", "she", "his", "her", "him")
    if pron in _PERSONAL and tok.pos_ == "NOUN" and tok.lemma_.lower() in body_nouns():
        return False  # "the government … he refused": a body is no "he"
    return pronoun_fits(pron, label)


_PRONOUN_FORMS = {"him": "he", "his": "he", "her": "she", "them": "they", "their": "they"}


def same_referent(pron: str, subject: str) -> bool:
    """Whether a third-person pronoun continues a previous sentence's pronoun subject ("he" … "his")."""
    a, b = _PRONOUN_FORMS.get(pron, pron), _PRONOUN_FORMS.get(subject, subject)
    return a == b and a in ("he", "she", "they")


def reported_it(pron: Token, prev_root: Token, g: Grammar, reporting: frozenset[str]) -> Token | None:
    """The "it" that a speaker "it" goes on from: the subject "it" of what the sentence before reports
    its subject said. "The outfit said it had blown up tracks. It later claimed …", "The ministry
    said it would appeal. It added …": the same speaker, whoever the first "it" stands for. Only a
    speaker "it" (the subject of a verb of saying) and only the previous sentence's reported clause."""
    if pron.lower_ != "it" or pron.dep_ != "nsubj" or g.lemma(pron.head) not in reporting:
        return None
    if g.lemma(prev_root) not in reporting:
        return None
    for clause in g.kids(prev_root):
        if clause.dep_ != "ccomp":
            continue
        found = next((c for c in g.kids(clause) if c.dep_ in _SUBJ and c.lower_ == "it"), None)
        if found is not None:
            return found
    return None


def quoted_words(tok: Token) -> list[tuple[int, int]] | None:
    """The character ranges of the words of the direct quote that holds a token (its pieces, for a
    quote split around its cue), or None when the token is not inside quotation marks."""
    found = _direct_quote(tok)
    return found[0] if found is not None else None


def _direct_quote(tok: Token) -> tuple[list[tuple[int, int]], str | None] | None:
    """The character ranges of the direct quote that holds a token and its speaker's entity id."""
    doc = tok.doc
    index: list[tuple[list[tuple[int, int]], str | None]] | None = doc.user_data.get(_QUOTED_INDEX)
    if index is None:  # built once per doc
        index = [
            ([(f.start, f.end) for f in q.fragments] or [(q.start, q.end)], q.speaker)
            for q in get_quotes(doc)
            if q.kind == "direct"
        ]
        doc.user_data[_QUOTED_INDEX] = index
    return next((found for found in index if any(s <= tok.idx < e for s, e in found[0])), None)


def inner_first_person(tok: Token) -> bool:
    """Whether a first person stands inside a quotation within a direct quote (`_inner_quotes`): the
    words of someone the speaker quotes, so neither the speaker nor the speaker's side."""
    found = _direct_quote(tok) if tok.lower_ in FIRST_PERSON else None
    if found is None:
        return False
    start = next((s for s, e in found[0] if s <= tok.idx < e), tok.idx)
    return inner_quoted(doc_text(tok.doc), start, tok.idx)  # spaCy rebuilds `doc.text` at every read


class _Side(Protocol):
    """An event side as drafting holds it (`_actors.Actor`): its head token and its entity."""

    head: int
    entity: str | None


_S = TypeVar("_S", bound=_Side)


def speak(doc: Doc, quotes: list[tuple[int, int, str | None]], actors: list[_S]) -> list[_S]:
    """Resolve "we", "I" inside a quote (`quotes`: direct and mixed, start and end offsets and the
    speaker's entity id) to the quote's speaker ("we" to the speaker's side, `first_person_side`); drop
    them when it has none, or when they stand in a quotation within the quote (`inner_first_person`)."""
    out: list[_S] = []
    for a in actors:
        pron = doc[a.head]
        if a.entity is None and pron.lower_ in FIRST_PERSON:
            speaker = next((sp for qs, qe, sp in quotes if qs <= pron.idx < qe and sp), None)
            if speaker is None or inner_first_person(pron):
                continue
            side = first_person_side(pron, speaker, direct_quote=False)  # the quote is found here
            a.entity = side.id if side is not None else speaker
        out.append(a)
    return out


def speakers_own(doc: Doc, sources: list[_S], targets: list[_S]) -> list[_S]:
    """The targets less a "we", "us" or "our" that stands for the body a source speaks for (`_body_of`):
    the speaker and the speaker's "we" are one side, no counterpart ("“We … were saddened by reports …,”
    the spokesperson told VOA")."""
    bodies = {b.id for b in (_body_of(doc, a.entity) for a in sources if a.entity) if b is not None}
    return [t for t in targets if not (t.entity in bodies and doc[t.head].lower_ in _SPEAKER_SIDE)]


def _body_of(doc: Doc, speaker: str) -> Entity | None:
    """The organisation the entities component affiliates a speaker with ("said a spokeswoman for the
    Red Cross", "White House press secretary Dana Perino"), else the one the speaker's description names
    as the body of the speaker's office (`_spoken_bodies`): the body a "we" in the speaker's words is.
    A place or a nationality ("Kansas Governor Tom Reyes", "Turkish Foreign Minister …") is where the
    speaker is from, no body one speaks for: the speaker stands for the "we" then."""
    entity = entity_by_id(doc, speaker)
    if entity is None:
        return None
    body = entity_by_id(doc, entity.affiliation)
    if body is not None and body.type == "ORG":
        return body
    return office_body(doc, entity)  # "“We …,” a Twitter spokesman said": the one the office phrase names


def first_person_side(pron: Token, speaker: str | None, *, direct_quote: bool = True) -> Entity | None:
    """Who a first person inside a quote stands for when `speaker` (an entity id) says it, the one entry
    point for every caller: for "we", "us", "our" the organisation the speaker speaks for (`_body_of`:
    "“We will not back down,” said a spokeswoman for the Foreign Ministry": the ministry); None when it
    is the speaker (any "I", "me", "my"; a speaker with no such body; no speaker). With `direct_quote`
    only a first person inside a direct quote's words (`quoted_words`) counts; a caller that found the
    quote itself (`DocState.speak`: direct and mixed quotes) passes False."""
    if speaker is None or pron.lower_ not in _SPEAKER_SIDE:
        return None
    if direct_quote and quoted_words(pron) is None:
        return None
    return _body_of(pron.doc, speaker)


def quoted_speaker(pron: Token, g: Grammar, is_actor: Callable[[Token], bool]) -> tuple[bool, Token | None]:
    """Whether a first person inside quotation marks is settled as its speaker, and the speaker's token.

    "I", "me" and "my" are the speaker: the subject, outside the quoted words, of a verb up the clause
    chain ("“I reject the charges,” the minister told reporters"), else the quote's own speaker when the
    quotes component knows it (taken by `DocState.speak`), else the subject of the previous sentence. A
    name inside the quoted words is spoken about, not the speaker ("“The court crossed a line that I
    believe demands action,” Cruz said"). A subject "we" of a quote with a known speaker is the
    speaker's side (`first_person_side`), never the subject of the sentence before ("Farmers were told to
    wait. “We will pay,” the governor said": not the farmers); "us" and "our", and a "we" of a quote
    with no known speaker, are left to the antecedent search, as every pronoun outside quotation marks
    (an "us" is as often the people the speaker is one of, "they attack us", as the speaker's body). Any first
    person whose clause chain passes a channel (an outlet that carries the quote, a verb of relaying it) is
    the relayed speaker's (`_channels.relayed_speaker`): "Xinhua translated the quote as: “… we …”"."""
    if pron.lower_ not in FIRST_PERSON:
        return False, None
    quote = _direct_quote(pron)
    if quote is None:
        return False, None
    quoted, known = quote
    if inner_first_person(pron):
        return True, None  # "“… with ‘We will bomb them,’” the senator said": not the senator
    settled, relayed = relayed_speaker(pron, quoted, g, is_actor)
    if settled:
        return settled, relayed
    if pron.lower_ not in _SPEAKER_SELF:  # a subject "we" of a quote with a known speaker: the speaker's side
        return known is not None and pron.lower_ == "we" and pron.dep_ in _SUBJ, None

    def speaker(c: Token) -> bool:
        return (
            c.dep_ in _SUBJ
            and c.i != pron.i
            and not any(s <= c.idx < e for s, e in quoted)
            and ((c.pos_ in ("NOUN", "PROPN") and is_actor(c)) or c.lower_ in _SPEAKER_PRONOUNS)
        )

    tok = pron.head
    for _ in range(_MAX_CLIMB):
        found = next((c for c in g.kids(tok) if speaker(c)), None)
        if found is not None:
            return True, found
        if tok.head.i == tok.i:
            break
        tok = tok.head
    sent = g.sentence(pron)
    if sent.start == 0 or known is not None:
        return True, None  # the quote's own speaker (`DocState.speak`)
    prev = g.sentence(pron.doc[sent.start - 1])
    return True, next((c for c in g.kids(prev.root) if speaker(c)), None)
