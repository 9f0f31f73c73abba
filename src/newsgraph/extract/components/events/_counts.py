"""Counts in actor phrases: the number of people a noun names ("967 fighters", "tens of thousands").

`parse_number` reads digits and English number words (`number_words.json` through the lexicon);
`number_of` finds the numbers that count a noun in the parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.components.events._lexicon import Lexicon


def parse_number(tokens: list[Token], lex: Lexicon) -> float | None:
    """Return the value of a number in digits and/or words ("1,000", "three", "tens of thousands")."""
    value: float | None = None
    for tok in tokens:
        low = tok.lower_
        digits = low.replace(",", "")
        num: float | None = None
        try:
            num = float(digits)
        except ValueError:
            if low in lex.number_scales and value is not None:
                value *= lex.number_scales[low]
                continue
            num = lex.number_words.get(low)
        if num is None:
            continue
        value = num if value is None else (value * num if num >= 100 else value + num)
    return value


def number_of(head: Token, lex: Lexicon) -> float | None:
    """Return the number that counts a noun ("967 fighters", "three servicemen"), if any."""
    parts = [
        c for c in head.children if c.dep_ in ("nummod", "quantmod") or (c.like_num and c.dep_ == "amod")
    ]
    if not parts:
        return None
    tokens: list[Token] = []
    for c in parts:
        tokens.extend(t for t in c.subtree if t.like_num or t.lower_ in lex.number_scales)
    return parse_number(sorted(tokens, key=lambda t: t.i), lex)
