"""spaCy's rule lemmatizer with every lemma remembered and set by array: the same lemmas, less CPU.

spaCy's `Lemmatizer` in "rule" mode makes a `Token` for every word of every article and asks its
rules for a lemma; it remembers only some answers (a proper noun, a punctuation mark or a word in
its base form goes through the rules every time). `IndexedLemmatizer` reads each Doc's words,
parts of speech, morphology and lemmas as arrays, looks the lemma up in a table keyed on exactly
what spaCy's rules read (the word, its part of speech and its morphology), asks spaCy's own
`lemmatize` only for a key it has not seen, and writes the lemmas back in one array; the rules'
word lists answer `in` from a set (`WordList`). A token that
already has a lemma (the attribute ruler gives some) keeps it, as in spaCy unless the lemmatizer
overwrites.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.types import Ints2d

_CACHE_SIZE = 500_000
"""Keys (word, part of speech, morphology) whose lemma is remembered (cleared when full)."""


class IndexedLemmatizer(Lemmatizer):
    """A rule-mode `Lemmatizer` (or a language's subclass) whose `__call__` looks lemmas up by array.

    Only the class of an existing lemmatizer is changed (`index_lemmatizers`): its rules, tables and
    settings stay spaCy's, and its `lemmatize` still decides every lemma the table does not hold.
    A failure is handled as spaCy's (`Pipe.pipe` and `Language.__call__` hand it to the pipeline's
    error handler).
    """

    _lemmas: dict[tuple[int, int, int], int]

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token that has none (of every token if the lemmatizer overwrites)."""
        if not self._validated:
            self._validate_tables(Errors.E1004)
        n = len(doc)
        if n == 0:
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA]).reshape(n, 4)
        orths, poses, morphs, lemmas = (columns[:, j].tolist() for j in range(4))
        table, overwrite = self._lemmas, self.overwrite
        for i, key in enumerate(zip(orths, poses, morphs, strict=True)):
            if overwrite or lemmas[i] == 0:
                lemma = table.get(key)
                if lemma is None:
                    lemma = self._lemma_of(doc, i, key)
                lemmas[i] = lemma
        doc.from_array([LEMMA], cast(Ints2d, numpy.asarray(lemmas, dtype=numpy.uint64).reshape(n, 1)))
        return doc

    def _lemma_of(self, doc: Doc, i: int, key: tuple[int, int, int]) -> int:
        """Ask spaCy's rules for the lemma of token `i` and remember it (not when it has no part of
        speech: spaCy warns about each such token)."""
        lemma: int = self.vocab.strings.add(self.lemmatize(doc[i])[0])
        if key[1] != 0:
            if len(self._lemmas) >= _CACHE_SIZE:
                self._lemmas.clear()
            self._lemmas[key] = lemma
        return lemma


class IndexedEnglishLemmatizer(IndexedLemmatizer, EnglishLemmatizer):
    """English's lemmatizer (its own base-form rule) with the indexed `__call__`."""


_CLASSES: dict[type[Lemmatizer], type[IndexedLemmatizer]] = {
    Lemmatizer: IndexedLemmatizer,
    EnglishLemmatizer: IndexedEnglishLemmatizer,
}
"""The lemmatizer classes that are indexed, and what they become (module-level: a pipeline sent
to a spawned process is pickled, classes by name)."""


def index_lemmatizers(nlp: Language) -> list[str]:
    """Make each rule-mode lemmatizer of the pipeline (spaCy's or English's) indexed; return their names."""
    changed = []
    for name, proc in nlp.pipeline:
        if not isinstance(proc, Lemmatizer) or proc.mode != "rule":
            continue
        indexed = _CLASSES.get(type(proc))
        if indexed is not None:
            proc.__class__ = indexed
            assert isinstance(proc, IndexedLemmatizer)
            proc._lemmas = {}
            if proc.lookups.has_table("lemma_index"):
                index = proc.lookups.get_table("lemma_index")
                for pos, words in list(index.items()):
                    if type(words) is list:
                        index[pos] = WordList(words)
            changed.append(name)
    return changed


class WordList(list[str]):
    """A list of words that answers `in` from a set.

    spaCy's rules ask `form in index` of lemma-index lists of up to 57,000 nouns, a scan of the
    list for each rule a new word tries (a millisecond a word: most of a fresh process's
    lemmatizer time on its first articles). The list stays a list (it serializes as one); it is
    read, never changed.
    """

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._members = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._members
