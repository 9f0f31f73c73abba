"""The event coder reads a sentence's named entities from the entity tags (issue 15, events CPU).

`_sentence_ents` must give, for each sentence asked, the entities of `doc.ents` that begin in it:
same boundaries and labels, an entity running past the sentence's end kept whole in the sentence
where it begins.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from newsgraph.extract.components.events._coder import _sentence_ents


def _doc() -> tuple[Doc, list[int]]:
    """Three sentences; the second's last entity runs into the third."""
    words = [
        "In",
        "Paris",
        ",",
        "Le",
        "Monde",
        "said",
        ".",
        "The",
        "New",
        "York",
        "Times",
        "said",
        "the",
        "United",
        "Nations",
        "met",
        "in",
        "Geneva",
        "today",
        ".",
    ]
    doc = Doc(Vocab(), words=words)
    doc.ents = [
        Span(doc, 1, 2, label="GPE"),
        Span(doc, 3, 5, label="ORG"),
        Span(doc, 8, 11, label="ORG"),
        Span(doc, 13, 15, label="ORG"),  # "United Nations": past a sentence split at 14
        Span(doc, 17, 18, label="GPE"),
        Span(doc, 18, 19, label="DATE"),
    ]
    return doc, [0, 7, 14]


def test_sentence_ents_are_doc_ents_by_sentence() -> None:
    doc, starts = _doc()
    expected: dict[int, list[tuple[int, int, str]]] = {0: [], 1: [], 2: []}
    for ent in doc.ents:
        expected[bisect_right(starts, ent.start) - 1].append((ent.start, ent.end, ent.label_))
    got = _sentence_ents(doc, starts, {0, 1, 2})
    assert {k: [(e.start, e.end, e.label_) for e in v] for k, v in got.items()} == expected
    assert expected[1][-1] == (13, 15, "ORG")


def test_sentence_ents_only_the_sentences_asked() -> None:
    doc, starts = _doc()
    assert list(_sentence_ents(doc, starts, {2})) == [2]
    assert [e.text for e in _sentence_ents(doc, starts, {2})[2]] == ["Geneva", "today"]
