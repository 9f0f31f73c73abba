"""An acronym spelt like a pronoun is a name: "the WHO", "WHO described …" is the World Health Organization.

The tagger reads "WHO" as the word "who" (WP, a relative or interrogative pronoun) in about a quarter
of its uses in the corpus's health news ("In a press release, WHO described the symptoms", "Chan said the
WHO hadn't yet told manufacturers", "Estimates by the WHO suggest"), and "US" may be read as the pronoun
"us". English writes a pronoun in capitals only at the start of a sentence ("I" aside) or in a headline
written all in capitals ("WHO IS TO BLAME?"); a word of two or more capital letters in running text is
an acronym, whatever its tag, and names the body the entities component links it to. A pronoun step of
the events component (a relative's antecedent, a reported pronoun that gives way to its reporter) skips it.
"""

from __future__ import annotations

from spacy.tokens import Token

_CAPS_SHARE = 0.5
"""A sentence with more than this share of its words in capitals is a headline in capitals."""


def is_acronym(tok: Token) -> bool:
    """Whether a word is written in capitals in running text ("WHO", "US"): a name, never a pronoun.

    Cheapest test first: almost every word fails `isupper` and costs no more."""
    text = tok.text
    if len(text) < 2 or not text.isupper():
        return False
    words = [t.text for t in tok.sent if t.is_alpha]
    upper = sum(1 for w in words if w.isupper())
    return upper <= _CAPS_SHARE * len(words)  # "WHO IS TO BLAME": a headline's word, not an acronym


def is_pronoun(tok: Token) -> bool:
    """Whether a word is a pronoun the events component resolves: tagged one and not an acronym."""
    return tok.pos_ == "PRON" and not is_acronym(tok)
