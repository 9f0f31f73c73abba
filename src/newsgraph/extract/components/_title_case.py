"""A sentence written in title case, as headlines and teasers are: "It Might Surprise You".

There every word is capitalised, so a capital letter is no evidence of a name: a count before a
capitalised word ("1 Question She Hates", `_quantities_names`) begins no name, and a capitalised
ordinary word ("Surprise") is no town (`_places_headlines`).
"""

from __future__ import annotations

from spacy.tokens import Span

_MIN_WORDS = 4
"""A shorter line ("New York Rally") says too little to tell a headline from a name."""
_CAPITALISED_SHARE = 0.8
"""At least this share of a title-case sentence's words start with a capital letter."""


def title_case(sent: Span) -> bool:
    """Tell whether a sentence is written in title case: most of its words capitalised."""
    words = [t for t in sent if t.is_alpha]
    if len(words) < _MIN_WORDS:
        return False
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return capitalised >= _CAPITALISED_SHARE * len(words)
