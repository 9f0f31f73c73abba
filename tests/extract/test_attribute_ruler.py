"""The indexed attribute-ruler matcher finds exactly the matches of spaCy's Matcher."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from newsgraph.extract.attribute_ruler import IndexedMatcher, index_attribute_rulers
from newsgraph.settings import Settings

WORDS = [
    "There",
    "are",
    "n't",
    "many",
    "y'",
    "all",
    "gon",
    "na",
    "see",
    " ",
    "it",
    "that",
    "if",
    "I",
    "do",
    ".",
]
TAGS = ["EX", "VBP", "RB", "JJ", "PRP", "DT", "VBG", "TO", "VB", "_SP", "PRP", "IN", "IN", "PRP", "VBP", "."]
DEPS = [
    "expl",
    "ROOT",
    "neg",
    "amod",
    "nsubj",
    "det",
    "aux",
    "aux",
    "xcomp",
    "dep",
    "dobj",
    "mark",
    "mark",
    "nsubj",
    "advcl",
    "punct",
]
HEADS = [1, 1, 1, 1, 8, 4, 8, 8, 1, 8, 8, 14, 14, 14, 8, 1]

RULES: list[tuple[list[list[dict[str, object]]], dict[str, str], int]] = [
    ([[{"TAG": "VBP"}]], {"POS": "VERB", "MORPH": "Tense=Pres|VerbForm=Fin"}, 0),
    ([[{"TAG": "RB", "LOWER": {"IN": ["not", "n't"]}}]], {"POS": "PART", "LEMMA": "not"}, 0),
    ([[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], {"POS": "AUX"}, 0),
    ([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], {"POS": "AUX"}, 1),
    ([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"}, 0),
    ([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, -1),
    ([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}], [{"TEXT": "it", "DEP": "dobj"}]], {"MORPH": "Case=Acc"}, 0),
    ([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], {"DEP": "dep"}, 0),
    (
        [[{"TAG": "IN", "LOWER": {"IN": ["that", "if"]}}], [{"LOWER": "i", "DEP": "nsubj"}]],
        {"POS": "SCONJ"},
        0,
    ),
    ([[{"TAG": "IN"}]], {"POS": "ADP"}, 0),  # a later rule overrides an earlier one
]


def _ruler(rules: list[tuple[list[list[dict[str, object]]], dict[str, str], int]]) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for patterns, attrs, index in rules:
        ruler.add(patterns=patterns, attrs=attrs, index=index)  # type: ignore[arg-type]
    return nlp


def _doc(nlp: Language) -> Doc:
    return Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS)


def _attrs(doc: Doc) -> list[list[int]]:
    return doc.to_array([POS, MORPH, LEMMA, TAG, DEP]).tolist()  # type: ignore[no-any-return]


def test_attribute_ruler_same_matches_and_attributes_as_spacy() -> None:
    nlp = _ruler(RULES)
    ruler = nlp.get_pipe("attribute_ruler")
    spacy_doc = ruler(_doc(nlp))
    expected = sorted(ruler.matcher(_doc(nlp), allow_missing=True))
    assert index_attribute_rulers(nlp) == ["attribute_ruler"]
    assert isinstance(ruler.matcher, IndexedMatcher)
    assert sorted(ruler.matcher(_doc(nlp), allow_missing=True)) == expected
    indexed_doc = ruler(_doc(nlp))
    assert _attrs(indexed_doc) == _attrs(spacy_doc)
    assert [t.pos_ for t in indexed_doc][11:13] == ["ADP", "ADP"]  # the last rule wins
    assert indexed_doc[1].pos_ == "AUX" and indexed_doc[4].lemma_ == "you" and indexed_doc[7].lemma_ == "to"
    assert indexed_doc[9].dep_ == "dep" and str(indexed_doc[10].morph) == "Case=Acc"


def test_attribute_ruler_rules_added_later_are_indexed() -> None:
    nlp = _ruler(RULES[:2])
    index_attribute_rulers(nlp)
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add(patterns=[[{"LOWER": "many"}]], attrs={"POS": "DET"})
    assert isinstance(ruler.matcher, IndexedMatcher)
    assert ruler(_doc(nlp))[3].pos_ == "DET"
    assert len(ruler.patterns) == 3  # the rules as spaCy keeps them (serialization) are all there


@pytest.mark.parametrize(
    "pattern",
    [
        [{"TAG": "JJ", "OP": "+"}],  # an operator
        [{"LENGTH": {">=": 3}}],  # a comparison
        [{"_": {"flag": True}}],  # an extension attribute
    ],
)
def test_attribute_ruler_unreadable_rules_keep_spacy_matcher(pattern: list[dict[str, object]]) -> None:
    nlp = _ruler([([pattern], {"POS": "ADJ"}, 0)])
    assert index_attribute_rulers(nlp) == []
    assert isinstance(nlp.get_pipe("attribute_ruler").matcher, Matcher)


@pytest.mark.shared
def test_attribute_ruler_model_rules_match_spacy_on_corpus_articles(shared: Path, nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler").matcher, IndexedMatcher)  # the pipeline uses it
    lines = (shared / "data" / "corpus" / "news.jsonl").read_bytes().splitlines()[:40]
    model = spacy.load(Settings().model, exclude=["lemmatizer", "ner"])
    ruler = model.get_pipe("attribute_ruler")
    indexed = IndexedMatcher(ruler.matcher)
    docs = model.pipe((orjson.loads(line)["text"] for line in lines), disable=["attribute_ruler"])
    for doc in docs:
        assert sorted(indexed(doc, allow_missing=True)) == sorted(ruler.matcher(doc, allow_missing=True))
