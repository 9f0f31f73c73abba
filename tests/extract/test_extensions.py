"""Helpers of `extract.extensions`: the doc's text and the text of a token range."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.extensions import doc_text, span_text


def test_extensions_span_text_is_spans_text_for_every_range(nlp: Language) -> None:
    words = ["“", "We", "wo", "n't", "wait", ",", "”", "said", "Ursula", "\n\n", "von", "der", "Leyen", "."]
    spaces = [False, True, False, True, False, False, True, True, False, False, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    assert doc_text(doc) == "“We won't wait,” said Ursula\n\nvon der Leyen."
    for start in range(len(doc) + 1):
        for end in range(len(doc) + 1):
            assert span_text(doc, start, end) == doc[start:end].text, (start, end)
    assert span_text(doc, 8, 13) == "Ursula\n\nvon der Leyen"
