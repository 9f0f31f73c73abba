"""Helpers of `extract.extensions`: the doc's text and the text of a token range."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens.underscore import Underscore

from newsgraph.extract.extensions import (
    add_mentions,
    doc_text,
    get_entities,
    get_quotes,
    new_entity,
    set_extensions,
    span_text,
)


def test_extensions_span_text_is_spans_text_for_every_range(nlp: Language) -> None:
    words = ["“", "We", "wo", "n't", "wait", ",", "”", "said", "Ursula", "\n\n", "von", "der", "Leyen", "."]
    spaces = [False, True, False, True, False, False, True, True, False, False, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    assert doc_text(doc) == "“We won't wait,” said Ursula\n\nvon der Leyen."
    for start in range(len(doc) + 1):
        for end in range(len(doc) + 1):
            assert span_text(doc, start, end) == doc[start:end].text, (start, end)
    assert span_text(doc, 8, 13) == "Ursula\n\nvon der Leyen"


def test_extensions_facts_are_read_without_building_doc_underscore(monkeypatch: pytest.MonkeyPatch) -> None:
    """The accessors read a stored list from `doc.user_data` (issue 15, events CPU, seventh pass):
    `doc._` builds an accessor object at every read, which the events component paid thousands of
    times a corpus. An unset list is still made through `doc._`, and read back afterwards."""
    set_extensions()
    doc = Doc(English().vocab, words=["Rebels", "attacked", "."])
    entities = get_entities(doc)  # unset: made and stored through `doc._`
    assert entities == [] and get_entities(doc) is entities

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("doc._ built")

    monkeypatch.setattr(Underscore, "__init__", refuse)
    assert get_entities(doc) is entities
    monkeypatch.undo()
    assert get_quotes(doc) == []  # unset: made through `doc._`


def test_extensions_add_mentions_by_token_range_index_as_char_span_does() -> None:
    """A caller that knows each mention's tokens passes them (issue 20, entities CPU): no Span is made
    for them, and the token index is the one `doc.char_span` gives, for every stretch of words."""
    set_extensions()
    words = ["The", "U.N.", " ", "Security", "Council", "\n", "met", "Mr.", "Ban", "Ki", "-", "moon", "."]
    spaces = [True, False, False, True, False, False, True, True, True, False, False, False, False]
    vocab = English().vocab
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            by_chars = Doc(vocab, words=words, spaces=spaces)
            by_tokens = Doc(vocab, words=words, spaces=spaces)
            offsets = [(by_chars[start].idx, by_chars[end - 1].idx + len(by_chars[end - 1]))]
            for doc, tokens in ((by_chars, None), (by_tokens, [(start, end)])):
                entity = new_entity(doc, "x", "ORG")
                add_mentions(doc, entity, offsets, "name", tokens=tokens)
            assert by_tokens._.newsgraph_entity_by_token == by_chars._.newsgraph_entity_by_token
            assert by_chars._.newsgraph_entity_by_token == dict.fromkeys(range(start, end), "e1")
            assert get_entities(by_tokens)[0].mentions == get_entities(by_chars)[0].mentions
