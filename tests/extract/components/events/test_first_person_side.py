"""Unit tests of `_pronouns.first_person_side`, the one entry point for who a first person inside a quote
stands for: "we", "us", "our" the body its speaker speaks for, "I" the speaker (None); only inside a
direct quote's words unless the caller found the quote itself (a mixed quote, `DocState.speak`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._pronouns import first_person_side
from newsgraph.extract.extensions import entity_by_id, get_quotes


def _pronoun(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.lower_ == word)


def _speaker(doc: Doc) -> str:
    (quote,) = get_quotes(doc)
    assert quote.speaker is not None
    return quote.speaker


def _name(found: object) -> str | None:
    return getattr(found, "name", None)


def test_first_person_side_quoted_we_is_the_speakers_body(nlp: Language) -> None:
    doc = nlp("“We will keep the shelters open,” said Anna Berg of the Salvation Army.")
    speaker = _speaker(doc)
    assert entity_by_id(doc, speaker) is not None
    for direct in (True, False):
        side = first_person_side(_pronoun(doc, "we"), speaker, direct_quote=direct)
        assert _name(side) == "Salvation Army"


def test_first_person_side_quoted_i_is_the_speaker(nlp: Language) -> None:
    doc = nlp("“I will keep the shelters open,” said Anna Berg of the Salvation Army.")
    assert first_person_side(_pronoun(doc, "i"), _speaker(doc)) is None
    assert first_person_side(_pronoun(doc, "i"), None) is None


def test_first_person_side_mixed_quote_counts_only_when_the_caller_found_it(nlp: Language) -> None:
    doc = nlp("Anna Berg of the Salvation Army said the charity would “keep our shelters open” all winter.")
    our, speaker = _pronoun(doc, "our"), _speaker(doc)
    assert first_person_side(our, speaker) is None  # no direct quote
    assert _name(first_person_side(our, speaker, direct_quote=False)) == "Salvation Army"
