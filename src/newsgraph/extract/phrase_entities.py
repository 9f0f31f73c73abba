"""Entities for the phrases other components find: a speaker, an actor, a source.

The entities component decides what is a name. When the quotes or the events component meets a
phrase it found no entity at ("Tuesday's attack", "the Secretary said", "Team, …"), the phrase
becomes an entity mention here, of the kind its words allow:

- none at all for a date or a time: a weekday, a month, a time zone, or a phrase spaCy labels
  DATE or TIME is never an entity;
- a `description` mention (an article-local entity, never listed nor joined across articles)
  when the phrase is not a proper name: its head is in lower case ("the coast guard"), its head
  is a title ("the Secretary", "Assistant Secretary", "the Federal Agriculture Minister"), or it
  is one generic word ("Team", "Commission", "Physicians": the head nouns of speaker
  descriptions, organisation words, titles and the Phoenix agent nouns), even where spaCy
  labels it a name ("Riot" of "Riot police"): the entities component, which saw that label,
  made no entity of it; a description right before a person's name in its noun phrase
  ("Assistant Secretary of the Air Force for Acquisition Marvin Sambur") is that person's mention
  (`titled_names`);
- a `name` mention otherwise; a name whose head is a noun of a text ("the Global Terrorism
  Index", "the World Happiness Report") is a document's (WORK_OF_ART), not an organisation's.

Data: `timex_rules.json` (weekdays, months, time zones), `titles.json`, `speaker_nouns.json`,
`entity_fixes.json` (`org_words`, `not_names`), and the Phoenix agents (`newsgraph.knowledge`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.extensions import add_mention, new_entity
from newsgraph.extract.lexicons import load_json
from newsgraph.extract.titled_names import titled_holder
from newsgraph.knowledge import longest_agent_match
from newsgraph.models import Entity, EntityType, MentionKind

_DATE_LABELS = frozenset({"DATE", "TIME"})
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
_LEADING = frozenset({"DET", "PRON", "PUNCT"})


@dataclass(frozen=True, slots=True)
class _Words:
    calendar: frozenset[str]
    """Weekdays, months and time zones (lower case)."""
    titles: frozenset[str]
    """Title nouns, title modifiers and honorifics (lower case)."""
    generic: frozenset[str]
    """Words that are no name alone: head nouns of speakers, organisation words, not-names."""
    documents: frozenset[str]
    """Nouns of texts that speak for their authors ("report", "index")."""


@cache
def _words() -> _Words:
    vocab = load_json("timex_rules.json")["vocab"]
    titles = load_json("titles.json")
    nouns = load_json("speaker_nouns.json")
    fixes = load_json("entity_fixes.json")
    generic = (*nouns["person"], *nouns["organisation"], *nouns["document"], *fixes["org_words"])
    return _Words(
        calendar=frozenset(w for cls in ("WEEKDAY", "MONTH", "TZ") for w in vocab[cls] if len(w) > 2),
        titles=frozenset(w.casefold() for key in ("titles", "modifiers", "honorifics") for w in titles[key]),
        generic=frozenset(w.casefold() for w in (*generic, *fixes["not_names"])),
        documents=frozenset(nouns["document"]),
    )


def _content(span: Span) -> list[Token]:
    """The phrase's words without a leading determiner or possessive and a trailing "'s"."""
    words = list(span)
    while words and (words[0].pos_ in _LEADING or words[0].tag_ == "PRP$"):
        words = words[1:]
    while words and (words[-1].tag_ == "POS" or words[-1].is_punct):
        words = words[:-1]
    return words


def _capitalised(tok: Token) -> bool:
    """Whether a word is written like a name: a capital first or inside, or a digit ("iPod", "G7")."""
    text = tok.text
    return text[:1].isupper() or any(ch.isupper() or ch.isdigit() for ch in text[1:])


def _forms(tok: Token) -> set[str]:
    """A word in lower case, its lemma and its singular ("Officials" → "official")."""
    low = tok.lower_.rstrip(".")
    return {low, tok.lemma_.lower(), low[:-1] if low.endswith("s") else low}


def _generic(tok: Token) -> bool:
    """Whether a word alone is no name: a title, a generic noun, a kind of body (singular or
    plural), a Phoenix agent noun alone or opening one in lower case ("Riot" police)."""
    words = _words()
    if _forms(tok) & (words.titles | words.generic):
        return True
    found = longest_agent_match([t.text for t in tok.doc[tok.i : tok.i + 4]], 0)
    return found is not None and all(t.is_lower for t in tok.doc[tok.i + 1 : tok.i + found[0]])


def phrase_kind(span: Span) -> MentionKind | None:
    """Return the kind of mention a phrase makes (see the module docstring); None for a date or a time."""
    words = _content(span)
    if not words:
        return None
    head = span.root if span.root in words else words[-1]
    labels = {t.ent_type_ for t in words}
    if head.ent_type_ in _DATE_LABELS or (
        not labels & _NAME_LABELS and all(t.lower_.rstrip(".") in _words().calendar for t in words)
    ):
        return None
    if not _capitalised(head):
        return "description"
    if head.ent_type_ != "PERSON" and _forms(head) & _words().titles:
        return "description"
    if len(words) == 1 and _generic(head):
        return "description"
    if all(t.lower_.rstrip(".") in _words().titles for t in words if _capitalised(t)):
        return "description"
    return "name"


def phrase_type(span: Span, type_: EntityType) -> EntityType:
    """Return the type of a name no entity covers: a document's ("the Global Terrorism Index",
    "the World Happiness Report") when its head is a noun of a text, else `type_`."""
    words = _content(span)
    head = span.root if span.root in words else (words[-1] if words else span.root)
    return "WORK_OF_ART" if head.lower_ in _words().documents else type_


def phrase_entity(
    doc: Doc, span: Span, type_: EntityType, find: Callable[[str], Entity | None] | None = None
) -> Entity | None:
    """Return the entity of a phrase no entity covers, with the phrase added as its mention.

    None for a date or a time. A name is the entity `find` returns for it (one of the article's,
    by name), else a new one of `type_` (a document's name a WORK_OF_ART, `phrase_type`); a
    description the person whose name follows it in its noun phrase (`titled_holder`), else a new
    entity of its own (a title's is a PERSON's).
    """
    kind = phrase_kind(span)
    if kind is None:
        return None
    entity = find(span.text) if find is not None and kind == "name" else None
    if kind == "description":
        entity = titled_holder(doc, span)  # "Assistant Secretary [of the Air Force] Marvin Sambur"
    if entity is None:
        if kind == "description" and span.root.lower_ in _words().titles:
            type_ = "PERSON"
        elif kind == "name":
            type_ = phrase_type(span, type_)
        words = _content(span)
        entity = new_entity(doc, doc[words[0].i : words[-1].i + 1].text, type_)
    add_mention(doc, entity, span.start_char, span.end_char, kind)
    return entity
