"""Sentence starts the parser would miss: line breaks and subheads flattened into the text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.extract.components.paragraphs import subheads as find_subheads
from newsgraph.extract.extensions import SUBHEADS_KEY

# Articles we wrote in the shape of pages copied without their line breaks.
FLATTENED = (
    "Rescuers reached the last carriages late on Thursday, the railway said. The rescue The "
    "soldiers cut through the wreck for six hours before the final passengers were freed. "
    "Difficult terrain Although the line runs only 90 kilometers from the capital, the "
    "nearest hospital lies two hours away by road. Local anger While officials praised the "
    "rescuers, families asked why the line had no inspection for a decade."
)

RUNNING_TEXT = (
    "The mayor spoke to reporters on Friday. He told The Associated Press that the budget "
    "would pass. Reporters Without Borders called the arrest a blow to the press. The biggest "
    "thing I see here is fear, a trader said. Military spokesperson Ahmed Khan said The "
    "Guardian had misquoted him."
)


def subheads(nlp: Language, text: str) -> list[str]:
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        doc = nlp(text)
    return [doc[start:end].text for start, end in find_subheads(doc)]


def test_paragraphs_finds_the_subheads_of_a_flattened_page(nlp: Language) -> None:
    assert subheads(nlp, FLATTENED) == ["The rescue", "Difficult terrain", "Local anger"]


def test_paragraphs_leaves_names_and_ordinary_sentences_whole(nlp: Language) -> None:
    assert subheads(nlp, RUNNING_TEXT) == []


@pytest.mark.parametrize(
    ("subhead", "sentence"),
    [
        ("The rescue", "The soldiers cut through the wreck"),
        ("Difficult terrain", "Although the line runs only 90 kilometers"),
        ("Local anger", "While officials praised the rescuers"),
    ],
)
def test_paragraphs_a_subhead_is_no_part_of_the_next_sentence(
    nlp: Language, subhead: str, sentence: str
) -> None:
    doc = nlp(FLATTENED)
    sentences = [s.text for s in doc.sents]
    assert any(s.endswith(subhead) or s == subhead for s in sentences)
    assert any(s.startswith(sentence) for s in sentences)


def test_paragraphs_keeps_the_subheads_as_a_span_group(nlp: Language) -> None:
    """The later components know a subhead from the group, not by finding it again."""
    doc = nlp(FLATTENED)
    assert [s.text for s in doc.spans[SUBHEADS_KEY]] == ["The rescue", "Difficult terrain", "Local anger"]
