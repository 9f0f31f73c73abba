"""The stages read a name's words by index, not through a Span of them (issue 20, entities CPU): joining
two parts of a name, telling a generic noun, folding an acronym make no slice of the doc; the names
they give are the ones they gave."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from newsgraph.extract.components.entities.additions import join_split_names
from newsgraph.extract.components.entities.lexicon import get_lexicon
from newsgraph.extract.components.entities.repair import _generic
from newsgraph.extract.components.entities.spans import NameMention


class _Slices(Doc):
    """A doc that counts the slices (Spans) made of it."""

    def __getitem__(self, i: object) -> object:
        if isinstance(i, slice):
            self.slices = getattr(self, "slices", 0) + 1
        return super().__getitem__(i)


_VOCAB = English().vocab


def _doc(text: str) -> _Slices:
    words = text.split()
    return _Slices(_VOCAB, words=words, spaces=[True] * (len(words) - 1) + [False])


def test_join_split_names_reads_the_words_between_by_index() -> None:
    doc = _doc("Ursula von der Leyen spoke")
    joined = join_split_names(
        doc, get_lexicon(), [NameMention(0, 1, "PERSON", "ner"), NameMention(3, 4, "PERSON", "ner")]
    )
    assert [(m.start, m.end, m.label) for m in joined] == [(0, 4, "PERSON")]
    assert getattr(doc, "slices", 0) == 0


def test_join_split_names_keeps_its_joins() -> None:
    doc = _doc("Bill and Melinda Gates Foundation said")
    parts = [NameMention(0, 1, "PERSON", "ner"), NameMention(2, 5, "ORG", "ner")]
    assert [(m.start, m.end, m.label) for m in join_split_names(doc, get_lexicon(), parts)] == [(0, 5, "ORG")]
    doc = _doc("Paris and Berlin")
    parts = [NameMention(0, 1, "GPE", "ner"), NameMention(2, 3, "GPE", "ner")]
    assert len(join_split_names(doc, get_lexicon(), parts)) == 2


def test_generic_noun_read_by_index() -> None:
    doc = _doc("Police said")
    assert _generic(doc, get_lexicon(), NameMention(0, 1, "ORG", "ner"))
    assert getattr(doc, "slices", 0) == 0
    assert _generic(_doc("Riot police fired"), get_lexicon(), NameMention(0, 1, "ORG", "ner"))
    assert not _generic(_doc("Zelensky said"), get_lexicon(), NameMention(0, 1, "PERSON", "ner"))
