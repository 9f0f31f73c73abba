"""Tests of the quotes component's speaker next to a cue when the parse gives the cue no subject: whom a
reporting verb is said to ("told AFP") is no speaker, and an apposition ("Ramirez, 58,") belongs to the
name before it."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.components.quotes.speakers import _adjacent_speaker

# "“We were wrong,” Ramirez, 58, told AFP on Monday." as the parser sometimes reads it: the name hung on
# the quoted verb as a conjunct, "told" left without a subject and "AFP" its object
_WORDS = ["“", "We", "were", "wrong", ",", "”", "Ramirez", ",", "58", ",", "told", "AFP", "on", "Monday", "."]
_HEADS = [2, 2, 2, 2, 2, 2, 2, 6, 6, 6, 2, 10, 10, 12, 2]
_DEPS = [
    "punct", "nsubj", "ROOT", "acomp", "punct", "punct", "conj", "punct", "appos", "punct", "conj", "dobj",
    "prep", "pobj", "punct",
]  # fmt: skip
_POS = [
    "PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PROPN",
    "ADP", "PROPN", "PUNCT",
]  # fmt: skip


def _misparsed(nlp: Language) -> Doc:
    return Doc(nlp.vocab, words=_WORDS, heads=_HEADS, deps=_DEPS, pos=_POS)


def test_quotes_whom_a_reporting_verb_tells_is_no_speaker(nlp: Language) -> None:
    doc = _misparsed(nlp)
    speaker = _adjacent_speaker(doc[10], None, True)
    assert speaker is None or speaker.text != "AFP"


def test_quotes_an_apposition_before_the_cue_belongs_to_the_name(nlp: Language) -> None:
    doc = _misparsed(nlp)
    speaker = _adjacent_speaker(doc[10], None, True)
    assert speaker is not None and speaker.text == "Ramirez"
