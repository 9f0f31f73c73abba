"""The indexed lemmatizer gives exactly spaCy's rule lemmas, remembered and set by array."""

from __future__ import annotations

import pickle
from pathlib import Path

import orjson
import pytest
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from newsgraph.extract.lemmatizer import IndexedLemmatizer, WordList, index_lemmatizers
from newsgraph.settings import Settings

# words, parts of speech and morphology as the tagger and attribute ruler give them
WORDS = ["The", "mice", "went", "to", "Geneva", "and", "were", "seen", "by", "better", "doctors", "."]
POS = ["DET", "NOUN", "VERB", "ADP", "PROPN", "CCONJ", "AUX", "VERB", "ADP", "ADJ", "NOUN", "PUNCT"]
MORPHS = [
    "Definite=Def|PronType=Art",
    "Number=Plur",
    "Tense=Past|VerbForm=Fin",
    "",
    "Number=Sing",
    "ConjType=Cmp",
    "Mood=Ind|Tense=Past|VerbForm=Fin",
    "Aspect=Perf|Tense=Past|VerbForm=Part",
    "",
    "Degree=Cmp",
    "Number=Plur",
    "PunctType=Peri",
]


def _lemmatizer_only() -> Language:
    return spacy.load(Settings().model, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "ner"])


def _lookups(nlp: Language) -> Lookups:
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return lemmatizer.lookups


def _doc(nlp: Language, lemmas: list[str] | None = None) -> Doc:
    return Doc(nlp.vocab, words=WORDS, pos=POS, morphs=MORPHS, lemmas=lemmas)


def test_lemmatizer_same_lemmas_as_spacy_twice_over() -> None:
    nlp = _lemmatizer_only()
    expected = [t.lemma_ for t in nlp.get_pipe("lemmatizer")(_doc(nlp))]
    assert expected[1:3] == ["mouse", "go"] and expected[9] == "well"  # the rules and exceptions ran
    assert index_lemmatizers(nlp) == ["lemmatizer"]
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, IndexedLemmatizer)
    assert isinstance(lemmatizer, EnglishLemmatizer)  # still English's rules (a subclass of its class)
    first = [t.lemma_ for t in lemmatizer(_doc(nlp))]
    again = [t.lemma_ for t in lemmatizer(_doc(nlp))]  # now every lemma from the table
    assert first == again == expected
    assert index_lemmatizers(nlp) == []  # indexed once


def test_lemmatizer_keeps_lemmas_already_set_unless_overwriting() -> None:
    nlp = _lemmatizer_only()
    index_lemmatizers(nlp)
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, IndexedLemmatizer)
    given = ["the", "", "", "", "", "", "be", "", "", "", "", "."]
    given[2] = "wend"  # set by an earlier component: the lemmatizer leaves it
    doc = lemmatizer(_doc(nlp, given))
    assert [doc[2].lemma_, doc[6].lemma_, doc[1].lemma_] == ["wend", "be", "mouse"]
    lemmatizer.overwrite = True
    assert lemmatizer(_doc(nlp, given))[2].lemma_ == "go"


def test_lemmatizer_word_lists_answer_in_as_lists_and_serialize() -> None:
    nlp = _lemmatizer_only()
    before = _lookups(nlp).to_bytes()
    index_lemmatizers(nlp)
    lookups = _lookups(nlp)
    nouns = lookups.get_table("lemma_index").get("noun")
    assert isinstance(nouns, WordList) and "mouse" in nouns and "mice" not in nouns
    spacy_nouns = _lookups(_lemmatizer_only()).get_table("lemma_index").get("noun")
    assert type(spacy_nouns) is list and list(nouns) == spacy_nouns
    assert lookups.to_bytes() == before


@pytest.mark.shared
def test_lemmatizer_same_lemmas_as_spacy_on_corpus_articles(shared: Path, nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("lemmatizer"), IndexedLemmatizer)  # the pipeline uses it
    texts = [
        orjson.loads(line)["text"]
        for line in (shared / "data" / "corpus" / "news.jsonl").read_bytes().splitlines()[:30]
    ]
    model = spacy.load(Settings().model, exclude=["ner"])
    expected = [[t.lemma_ for t in doc] for doc in model.pipe(texts)]
    index_lemmatizers(model)
    assert [[t.lemma_ for t in doc] for doc in model.pipe(texts)] == expected


def test_lemmatizer_indexed_pickles_as_a_spawned_worker_receives_it() -> None:
    nlp = _lemmatizer_only()
    index_lemmatizers(nlp)
    lemmatizer = nlp.get_pipe("lemmatizer")
    expected = [t.lemma_ for t in lemmatizer(_doc(nlp))]
    copy = pickle.loads(pickle.dumps(lemmatizer))
    assert type(copy) is type(lemmatizer) and isinstance(copy, EnglishLemmatizer)
    assert isinstance(copy.lookups.get_table("lemma_index").get("noun"), WordList)
    assert [t.lemma_ for t in copy(_doc(nlp))] == expected
