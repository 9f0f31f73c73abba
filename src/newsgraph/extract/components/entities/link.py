"""Stage 5a: chains looked up in the knowledge bases, for their type and their link.

The PETRARCH2 Phoenix actor dictionary (`newsgraph.knowledge`) knows countries, their places,
political figures, international bodies, armed groups and companies; the gazetteer knows places.
A chain whose name one of them knows takes the type it gives, unless the text says otherwise
(a title or a person cue makes a person of "Jordan"), and a chain named in full by the dictionary
is linked to it (`Entity.kb`: `phoenix:<actor id>`). A one-word person's name is typed, not linked
(a surname alone is no identity). A place that is both a country and a division of the article's
main country ("Georgia" in a US article) is the division and stays unlinked.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.extract.components._gazetteer import ADMIN1, CITY, CONTINENT, COUNTRY, REGION, Gazetteer
from newsgraph.extract.components.entities.lexicon import EntityLexicon
from newsgraph.extract.components.entities.names import normalize_name
from newsgraph.extract.components.entities.spans import SPACES, Chain, label_vote, mention_text
from newsgraph.knowledge import ActorRecord, lookup, phrase_key

_BIG_CITY = 100_000
"""A city at least this large is a place, not a person, when the text gives no person cue."""
_PLACE_FEATURES = frozenset({COUNTRY, ADMIN1, CONTINENT, REGION})


@dataclass(frozen=True, slots=True)
class Link:
    """What the knowledge bases say of a chain."""

    type: str
    kb: str | None
    kind: str
    """The dictionary's kind of actor (`ActorRecord.kind`), or `gazetteer` for a place it lacks."""


def knowledge_link(
    doc: Doc, lex: EntityLexicon, gazetteer: Gazetteer, c: Chain, *, on: str | None, main: str | None
) -> Link | None:
    """Return the type and link the knowledge bases give a chain, or None when they know nothing.

    A place is no link for a one-word name spaCy took for a person who speaks ("Santos said"):
    the surname of someone, not the city.
    """
    names = _names(doc, c)
    if any(m.label == "PERSON" and m.end - m.start >= 2 for m in c.mentions):
        names = [n for n in names if " " in n]  # "Rosalind Jordan", not its surname alone
    for text in names:
        record = _lookup(text, on)
        if record is None or record.kind == "office":
            continue
        if record.kind == "country" and not _country_name(lex, gazetteer, text, record):
            continue  # a town the dictionary lists under its country ("Delphi" → Greece)
        if record.kind == "country" and main is not None and _division_of(gazetteer, text, main):
            return Link("GPE", None, "place")  # "Georgia" in an article about the United States
        if record.kind == "place" and _speaks(doc, lex, c):
            return None
        whole = (" " in text or record.kind != "person") and not _unit_of(lex, text, record)
        return Link(record.entity_type, f"phoenix:{record.actor_id}" if whole else None, record.kind)
    if len(c.key.split()) == 1 and _big_place(gazetteer, c.key) and not _speaks(doc, lex, c):
        return Link("GPE", None, "gazetteer")
    return None


def _unit_of(lex: EntityLexicon, text: str, record: ActorRecord) -> bool:
    """Whether a name is a unit of the body the dictionary files it under, not that body: its head
    is an organisation's head word the entry's name lacks ("Senate Foreign Relations Committee"
    under the United States Congress, "Central Command" under the United States military)."""
    head = text.split()[-1]
    if " " not in text or head not in lex.org_heads or head in lex.corporate_suffixes:
        return False
    return phrase_key(head) not in phrase_key(record.name).split()


def _country_name(lex: EntityLexicon, gazetteer: Gazetteer, text: str, record: ActorRecord) -> bool:
    """Whether a text the dictionary files under a country names that country or its people."""
    if record.entity_type == "NORP" or phrase_key(text) == phrase_key(record.name):
        return True
    return normalize_name(text) in lex.countries or any(
        m.entry.feature == COUNTRY for m in gazetteer.lookup(text)
    )


def _speaks(doc: Doc, lex: EntityLexicon, c: Chain) -> bool:
    """Whether a one-word name spaCy tagged PERSON is the subject of a verb of speech."""
    if len(c.key.split()) != 1 or label_vote(c) != "PERSON":
        return False
    for m in c.mentions:
        tok = doc[m.end - 1]
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in lex.speech_verbs:
            return True
    return False


def _names(doc: Doc, c: Chain) -> list[str]:
    """Return the chain's distinct name texts, longest first (not from capitals lines when avoidable)."""
    strong = [m for m in c.mentions if not m.weak] or c.mentions
    texts = {SPACES.sub(" ", mention_text(doc, m)) for m in strong}
    return sorted(texts, key=lambda t: (-len(t.split()), -len(t), t))


def _lookup(text: str, on: str | None) -> ActorRecord | None:
    """Look a name up in the actor dictionary on the article's date (an unreadable date: undated)."""
    try:
        return lookup(text, on=on)
    except ValueError:
        return lookup(text)


def _division_of(gazetteer: Gazetteer, text: str, country: str) -> bool:
    """Whether a name is also a first-level division of `country`."""
    return any(m.entry.feature == ADMIN1 and m.entry.country == country for m in gazetteer.lookup(text))


def _big_place(gazetteer: Gazetteer, key: str) -> bool:
    """Whether a one-word name is a country, division, continent, region or city of 100,000 people."""
    for m in gazetteer.lookup(key):
        if m.how == "name" and (
            m.entry.feature in _PLACE_FEATURES
            or (m.entry.feature == CITY and m.entry.population >= _BIG_CITY)
        ):
            return True
    return False
