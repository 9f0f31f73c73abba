"""Doc extensions under `doc._.newsgraph_*`, and typed accessors for them.

Extensions are switched on explicitly with `set_extensions()` (the pipeline and every component
factory call it), never at import time. Components read and write the Analysis types of
`newsgraph.models` through the accessors below, so a component never needs to know how another
stores its results.

Entities are shared state: the entities component creates them; quotes, events and places add
mentions (a pronoun speaker, a description) or new entities (a generic actor) through
`new_entity` and `add_mention`, which keep ids unique and the token index current.

The storage is serializable, so `doc.to_bytes()`, `DocBin(store_user_data=True)` and
`nlp.pipe(texts, n_process=2)` carry the facts: while the pipeline runs, `doc.user_data` holds the
Analysis objects the components work on; when spaCy serializes a Doc (msgpack, through srsly),
`_encode_fact` writes each as the plain dict of its JSON form, and a Doc read back holds those
dicts, which the accessors below turn into the Analysis types again on first access. The same
facts are also written as `doc.spans` groups (`newsgraph.extract.spans`).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from typing import Any

import srsly
from pydantic import BaseModel
from spacy.tokens import Doc

from newsgraph.models import Entity, EntityType, Event, Mention, MentionKind, Place, Quantity, Quote, Time

_EXTENSIONS: tuple[str, ...] = (
    "newsgraph_published",  # str | None: ISO publication date, set before the pipeline runs
    "newsgraph_reference",  # [str, str] | None: an undated doc's reference date and the time it was read from
    "newsgraph_entities",  # list[Entity]
    "newsgraph_entity_by_token",  # dict[int, str]: token index -> entity id (names and mentions)
    "newsgraph_quotes",  # list[Quote]
    "newsgraph_events",  # list[Event]
    "newsgraph_quantities",  # list[Quantity]
    "newsgraph_times",  # list[Time]
    "newsgraph_places",  # list[Place]
    "newsgraph_summary",  # list[int]
    "newsgraph_timings",  # dict[str, float]: seconds per component, for benchmarks
)


def set_extensions() -> None:
    """Register newsgraph's Doc extensions (idempotent)."""
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _encode_fact(obj: Any, chain: Any = None) -> Any:
    """srsly msgpack encoder: an Analysis object (`newsgraph.models`) as its JSON-ready dict."""
    if isinstance(obj, BaseModel) and type(obj).__module__ == "newsgraph.models":
        return obj.model_dump(mode="json")
    return obj if chain is None else chain(obj)


# Registered on import, not in set_extensions: a worker of `nlp.pipe(n_process=N)` started by
# "spawn" imports this module (through the components it unpickles) but runs no factory.
srsly.msgpack_encoders.register("newsgraph_facts", func=_encode_fact)


def _list(doc: Doc, name: str, model: type[BaseModel] | None = None) -> list[Any]:
    """Return the list stored under `doc._.<name>`, making it (or rebuilding it after a read).

    A Doc read back from bytes holds a tuple or a list of plain dicts: they become a list of
    `model` again, stored back, so components and callers always see the Analysis types.
    """
    value = _stored(doc, name)
    if value is None:
        value = getattr(doc._, name)  # unset, or stored where `_stored` does not look
    if value is None:
        value = []
        setattr(doc._, name, value)
    elif type(value) is not list or (model is not None and value and not isinstance(value[0], model)):
        value = [model.model_validate(v) if model is not None and isinstance(v, dict) else v for v in value]
        setattr(doc._, name, value)
    return value


def get_published(doc: Doc) -> str | None:
    """Return the publication date (ISO 8601) set for this doc, if any."""
    value = doc._.newsgraph_published
    return value if isinstance(value, str) else None


def set_published(doc: Doc, published: str | None) -> None:
    """Set the publication date the times component resolves relative dates against."""
    set_extensions()
    doc._.newsgraph_published = published


def get_reference(doc: Doc) -> tuple[str, str] | None:
    """Return the reference date the times component read from an undated doc's text and the
    local id of the time it was read from (`t3`), or None."""
    value = doc._.newsgraph_reference
    return (str(value[0]), str(value[1])) if value else None


def set_reference(doc: Doc, day: str, time_id: str) -> None:
    """Record the reference date of an undated doc (ISO date) and the time it was read from."""
    doc._.newsgraph_reference = [day, time_id]


def get_entities(doc: Doc) -> list[Entity]:
    """Return the doc's entities (the entities component fills them)."""
    return _list(doc, "newsgraph_entities", Entity)


def get_quotes(doc: Doc) -> list[Quote]:
    """Return the doc's quotes."""
    return _list(doc, "newsgraph_quotes", Quote)


def get_events(doc: Doc) -> list[Event]:
    """Return the doc's events."""
    return _list(doc, "newsgraph_events", Event)


def get_quantities(doc: Doc) -> list[Quantity]:
    """Return the doc's quantities."""
    return _list(doc, "newsgraph_quantities", Quantity)


def get_times(doc: Doc) -> list[Time]:
    """Return the doc's time expressions."""
    return _list(doc, "newsgraph_times", Time)


def get_places(doc: Doc) -> list[Place]:
    """Return the doc's places."""
    return _list(doc, "newsgraph_places", Place)


def get_summary(doc: Doc) -> list[int]:
    """Return the sentence indices of the summary."""
    return _list(doc, "newsgraph_summary")


def _stored(doc: Doc, name: str) -> Any:
    """Return the value of `doc._.<name>` if one was set, else None, without building `doc._`.

    It is read from `doc.user_data`, where spaCy stores it under ("._.", name, None, None). The hot
    look-ups below use this: building the `doc._` accessor at every call was a measurable share of
    the events component. Should spaCy ever store extensions under another key, this finds nothing
    and the callers fall back to `doc._` (slower, same result).
    """
    user_data: dict[Any, Any] = doc.user_data
    return user_data.get(("._.", name, None, None))


def _token_index(doc: Doc) -> dict[int, str]:
    """Return the token index (token index -> entity id), making it empty if there is none."""
    index = _stored(doc, "newsgraph_entity_by_token")
    if index is None:
        index = doc._.newsgraph_entity_by_token
        if index is None:
            index = {}
            doc._.newsgraph_entity_by_token = index
    return index  # type: ignore[no-any-return]


class _EntityIndex:
    """The entities of one entity list by id, built once and reused while the list is unchanged.

    The list only ever grows (`new_entity` appends to it) or is replaced as a whole (`_list`, when
    a Doc read back from bytes is first accessed), so the index is current while the doc's list is
    the same object with the same length; otherwise `entity_by_id` builds a new one.
    """

    __slots__ = ("by_id", "entities", "size")

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.size = len(entities)
        self.by_id: dict[str, Entity] = {}
        for entity in entities:
            self.by_id.setdefault(entity.id, entity)  # the first with an id, as a scan would find


# One index per Doc, dropped with the Doc; kept out of `doc.user_data` so that it is never serialized.
_ENTITY_INDEXES: weakref.WeakKeyDictionary[Doc, _EntityIndex] = weakref.WeakKeyDictionary()


def entity_by_id(doc: Doc, entity_id: str | None) -> Entity | None:
    """Return the entity with this id, or None."""
    if entity_id is None:
        return None
    index = _ENTITY_INDEXES.get(doc)
    current = _stored(doc, "newsgraph_entities")
    if index is None or current is not index.entities or len(current) != index.size:
        index = _EntityIndex(get_entities(doc))
        _ENTITY_INDEXES[doc] = index
    return index.by_id.get(entity_id)


def entity_at_token(doc: Doc, i: int) -> Entity | None:
    """Return the entity one of whose mentions covers token `i`, or None."""
    entity_id = _token_index(doc).get(i)
    return entity_by_id(doc, entity_id)


def entity_in_tokens(doc: Doc, start: int, end: int) -> Entity | None:
    """Return the entity mentioned in tokens [start, end), preferring the span's last (head) token."""
    index = _token_index(doc)
    for i in range(end - 1, start - 1, -1):
        entity_id = index.get(i)
        if entity_id is not None:
            return entity_by_id(doc, entity_id)
    return None


def new_entity(doc: Doc, name: str, type_: EntityType, **fields: Any) -> Entity:
    """Create an entity with the next free id `eN` and append it to the doc's entities."""
    entities = get_entities(doc)
    taken = {e.id for e in entities}
    n = len(entities) + 1
    while f"e{n}" in taken:
        n += 1
    entity = Entity(id=f"e{n}", name=name, type=type_, **fields)
    entities.append(entity)
    return entity


DOC_TEXT_KEY = "newsgraph_text"
"""`doc.user_data` key of the cached text (`doc_text`); the pipeline fills it at `make_doc`."""


def doc_text(doc: Doc) -> str:
    """Return `doc.text`, built once per doc (spaCy rebuilds it from the tokens at every access)."""
    cached = doc.user_data.get(DOC_TEXT_KEY)
    if isinstance(cached, str):  # a Doc's text never changes (retokenizing keeps it)
        return cached
    text = doc.text
    doc.user_data[DOC_TEXT_KEY] = text
    return text


SUBHEADS_KEY = "newsgraph_subheads"
"""`doc.spans` key of the subheads flattened into the running text ("… the railway said. The rescue
The soldiers cut …"), one span each, written by `newsgraph_paragraphs` before the parser. A subhead
labels a section; it reports nothing, so no fact is read inside one."""


def in_subhead(doc: Doc, i: int) -> bool:
    """Whether token `i` is part of a subhead flattened into the running text (`SUBHEADS_KEY`)."""
    if SUBHEADS_KEY not in doc.spans:
        return False
    return any(span.start <= i < span.end for span in doc.spans[SUBHEADS_KEY])


def span_text(doc: Doc, start: int, end: int) -> str:
    """Return `doc[start:end].text` as a slice of `doc_text` (no Span, no joining of its tokens)."""
    if end <= start:
        return ""
    last = doc[end - 1]
    return doc_text(doc)[doc[start].idx : last.idx + len(last)]


def add_mention(
    doc: Doc, entity: Entity, start_char: int, end_char: int, kind: MentionKind
) -> Mention | None:
    """Attach the text [start_char, end_char) to `entity` as a mention and index its tokens.

    Returns the new mention, or None when the entity already has a mention with these offsets.
    """
    for m in entity.mentions:
        if m.start == start_char and m.end == end_char:
            return None
    mention = Mention(start=start_char, end=end_char, text=doc_text(doc)[start_char:end_char], kind=kind)
    entity.mentions.append(mention)
    entity.mentions.sort(key=lambda m: m.start)
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is not None:
        index = _token_index(doc)
        for token in span:
            index.setdefault(token.i, entity.id)
    return mention


def add_mentions(
    doc: Doc,
    entity: Entity,
    offsets: Iterable[tuple[int, int]],
    kind: MentionKind,
    *,
    text: str | None = None,
    tokens: Sequence[tuple[int, int]] | None = None,
) -> list[Mention]:
    """Attach several mentions to `entity` at once, like `add_mention`, reading `doc.text` once.

    `doc.text` is rebuilt from the tokens at every access, so a component adding many mentions
    should call this rather than `add_mention` in a loop, passing `text=doc.text` read once per doc.
    Offsets the entity already has are skipped. `tokens`, one per offset pair: the token range
    [start, end) whose first character and last character's end the pair is, the tokens
    `doc.char_span` would find, given when the caller knows them (no Span is made).
    """
    if text is None:
        text = doc_text(doc)
    index = _token_index(doc)
    seen = {(m.start, m.end) for m in entity.mentions}
    added: list[Mention] = []
    for k, (start_char, end_char) in enumerate(offsets):
        if (start_char, end_char) in seen:
            continue
        seen.add((start_char, end_char))
        mention = Mention(start=start_char, end=end_char, text=text[start_char:end_char], kind=kind)
        entity.mentions.append(mention)
        added.append(mention)
        if tokens is not None:
            for i in range(*tokens[k]):
                index.setdefault(i, entity.id)
            continue
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is not None:
            for token in span:
                index.setdefault(token.i, entity.id)
    entity.mentions.sort(key=lambda m: m.start)
    return added
