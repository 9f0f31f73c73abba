"""Helpers of `extract.extensions`: the doc's text and the text of a token range."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens.underscore import Underscore

from newsgraph.extract.extensions import doc_text, get_entities, get_quotes, set_extensions, span_text


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
