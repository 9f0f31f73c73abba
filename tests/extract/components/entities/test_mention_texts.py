"""A mention's text is read off the article's text, not built as a Span from its tokens (issue 20,
entities CPU): `mention_text` equals `doc[m.start : m.end].text` for every stretch of words, across
double spaces and line breaks; the longest name of a chain is the one it was."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.extract.components.entities.spans import Chain, NameMention, longest_text, mention_text

_WORDS = ["The", "U.N.", " ", "Security", "Council", "\n", "met", "Mr.", "Ban", "Ki", "-", "moon", "."]
_SPACES = [True, False, False, True, False, False, True, True, True, False, False, False, False]


def _doc() -> Doc:
    return Doc(Vocab(), words=_WORDS, spaces=_SPACES)


def test_mention_text_equals_the_span_text_for_every_stretch() -> None:
    doc = _doc()
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert mention_text(doc, NameMention(start, end, "ORG", "ner")) == doc[start:end].text


def test_longest_text_keeps_the_longest_strong_mention() -> None:
    doc = _doc()
    council = NameMention(1, 5, "ORG", "ner")
    weak = NameMention(0, 5, "ORG", "ner", weak=True)  # longer, but from a capitals line
    ban = NameMention(8, 12, "PERSON", "ner")
    assert (
        longest_text(doc, Chain([NameMention(3, 5, "ORG", "ner"), council, weak], "un"))
        == "U.N. Security Council"
    )
    assert longest_text(doc, Chain([weak], "un")) == "The U.N. Security Council"
    assert longest_text(doc, Chain([NameMention(8, 9, "PERSON", "ner"), ban], "ban")) == "Ban Ki-moon"
