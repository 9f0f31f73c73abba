"""Stage 2c: products, found by the form of their names.

- A model number after a maker or a product line, joined to it in the parse: "Boeing 787",
  "Airbus A380", "iPhone 4", "Windows 7", and the model words after it ("787 Dreamliner",
  "iPod nano", "MacBook Pro"). After a maker (an organisation) the product is the model ("787",
  named "Boeing 787" and found again alone: "the 787"); after a line, line and model together;
  a line spaCy took into a known maker's span is taken out of it ("Rolls-Royce" "Trent 900").
  Not after a noun that is numbered without being a product ("Chapter 11", "Flight 447"), nor a
  date, a sum or a share ("March 4", "GM 3 percent").
- A name that starts with a lower-case letter before a capital ("iPod", "iTunes", "iOS").

Data: `products.json` (model words, numbered nouns, product nouns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.attrs import ORTH, SHAPE
from spacy.tokens import Doc, Token

from newsgraph.extract.components.entities.lexicon import get_lexicon
from newsgraph.extract.components.entities.names import normalize_name
from newsgraph.extract.components.entities.spans import NameMention, taken
from newsgraph.extract.lexicons import load_json

_DESIGNATOR = re.compile(r"^(?=[^\d]*\d)[A-Z]{0,3}-?\d{1,4}[A-Za-z]{0,3}(?:-\d{1,4}[A-Za-z]?)?$")
"""A model number: "787", "A380", "747-8", "F-150", "3GS", "N95", "A330-200"."""
_CAMEL = re.compile(r"^[a-z]{1,2}[A-Z][A-Za-z]+$")
"""A product name written with a lower-case first letter: "iPod", "iTunes", "eReader"."""
_INNER_CAPITAL = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")
"""A one-word name with a capital inside: "MacBook", "PlayStation"."""
_NOT_DESIGNATOR_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_NOT_MAKER_LABELS = frozenset({"PERSON", "GPE", "NORP", "DATE", "TIME", "DISEASE", "INDEX", "LOC", "FAC"})
_MAX_MODEL_WORDS = 2
_STORE_WORDS = frozenset({"Store", "Stores", "Program", "Programme", "Kit", "Service", "Services"})
"""Last words of a name that a product's name may open ("iTunes Music Store")."""


@dataclass(frozen=True, slots=True)
class ProductWords:
    """The words of `products.json`."""

    model: frozenset[str]
    numbered: frozenset[str]
    nouns: frozenset[str]


@cache
def product_words() -> ProductWords:
    """Read `products.json` (once per process)."""
    data = load_json("products.json")
    return ProductWords(
        frozenset(data["model_words"]), frozenset(data["numbered_nouns"]), frozenset(data["product_nouns"])
    )


def is_camel_product(text: str) -> bool:
    """Whether a one-word name is written like a product ("iPod", "iTunes")."""
    return bool(_CAMEL.match(text))


def add_products(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """Add the products of the doc, in place of the spans their names were part of."""
    words = product_words()
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    added: list[NameMention] = []
    dropped: set[int] = set()
    digits, camels, models = _candidates(doc, words)
    for i in digits:
        tok = doc[i]
        if not _is_designator(tok):
            continue
        maker = tok.i - 2 if tok.i > 1 and doc[tok.i - 1].tag_ == "POS" else tok.i - 1  # "Boeing's 787"
        if maker < 0 or not _maker_or_line(doc[maker], tok, by_token, words):
            continue
        if tok.text.isdigit() and not _numbered_line(doc[maker], by_token):
            continue  # a score or a table row ("Gough 33", "Lotte 6 Hyundai 2")
        end = _model_end(doc, tok.i + 1, by_token, words)
        owner = by_token.get(maker)
        line = _line_after_maker(doc, owner) if owner is not None else None
        if owner is not None and line is not None:
            name = f"{doc[owner.start : owner.end].text} {doc[tok.i : end].text}"
            added.append(NameMention(line, end, "PRODUCT", "pattern", canonical=name))
            owner.end = line  # "Rolls-Royce" + "Trent 900"
        elif owner is not None and owner.label == "ORG":
            name = f"{doc[owner.start : owner.end].text} {doc[tok.i : end].text}"
            added.append(NameMention(tok.i, end, "PRODUCT", "pattern", canonical=name))
        else:
            start = owner.start if owner is not None else maker
            added.append(NameMention(start, end, "PRODUCT", "pattern"))
            if owner is not None:
                dropped.add(id(owner))
    added += _line_models(doc, models, by_token, added)
    added += _camel_names(doc, camels, mentions, added, by_token)
    for m in mentions:
        if (
            m.end - m.start > 1
            and is_camel_product(doc[m.start].text)
            and m.label in {"ORG", "PERSON", "NORP"}
        ):
            m.label = "PRODUCT"  # "iTunes Music Store", "iPhone Developer Program"
    if not added:
        return mentions
    covered = taken(added)
    kept = [
        m for m in mentions if id(m) not in dropped and not any(i in covered for i in range(m.start, m.end))
    ]
    return sorted(kept + added, key=lambda m: m.start)


def _candidates(doc: Doc, words: ProductWords) -> tuple[list[int], list[int], list[int]]:
    """Return the indices of the tokens with a digit, of those written like products ("iPod")
    and of the model words, from the token shapes (without building every token)."""
    strings = doc.vocab.strings
    model_ids = {strings.add(w) for w in words.model}
    digits, camels, models = [], [], []
    kinds: dict[int, int] = {}  # shape -> 1 (has a digit), 2 (like "iPod"), 0; a doc has few shapes
    for i, (orth, shape) in enumerate(doc.to_array([ORTH, SHAPE]).tolist()):
        kind = kinds.get(shape)
        if kind is None:
            form = strings[shape]
            kind = kinds[shape] = 1 if "d" in form else 2 if form[:1] == "x" and "X" in form[1:3] else 0
        if kind == 1:
            digits.append(i)
        elif kind == 2:
            camels.append(i)
        if orth in model_ids:
            models.append(i)
    return digits, camels, models


def _is_designator(tok: Token) -> bool:
    """Whether a token is a model number, not a year, a date, a sum, a share or a score."""
    if not _DESIGNATOR.match(tok.text) or tok.ent_type_ in _NOT_DESIGNATOR_ENTS:
        return False
    if tok.text.isdigit() and 1900 <= int(tok.text) <= 2099:
        return False
    after = tok.doc[tok.i + 1 : tok.i + 3]
    if not len(after):
        return True
    if after[0].lower_ in {"%", "percent", "per", "pct"}:
        return False
    if tok.whitespace_ == "" and after[0].text in {"-", "–", ":", "/"}:
        return False  # "8-0-39-3", "10:30"
    return not any(t.like_num for t in after)  # no score or table row ("LG 2 OB 0")


def _numbered_line(maker: Token, by_token: dict[int, NameMention]) -> bool:
    """Whether a name may take a bare number as model: a company's or a product line's name."""
    owner = by_token.get(maker.i)
    if owner is not None and owner.label in {"ORG", "PRODUCT"}:
        return True
    return is_camel_product(maker.text) or bool(_INNER_CAPITAL.match(maker.text))


def _line_after_maker(doc: Doc, owner: NameMention) -> int | None:
    """Return where a product line starts inside an organisation's span: its last word, after a
    known company's name ("Rolls-Royce Trent" before "900": the Trent line of Rolls-Royce)."""
    if owner.label != "ORG" or owner.end - owner.start < 2:
        return None
    last = doc[owner.end - 1]
    if (
        not (last.is_title and last.is_alpha)
        or last.whitespace_ != " "
        or doc[owner.end - 2].whitespace_ != " "
    ):
        return None
    known = get_lexicon().known
    if known.knows(normalize_name(doc[owner.start : owner.end].text)):
        return None  # "Lockheed Martin" F-35
    maker = doc[owner.start : owner.end - 1].text
    return owner.end - 1 if known.knows(normalize_name(maker)) else None


def _maker_or_line(
    tok: Token, designator: Token, by_token: dict[int, NameMention], words: ProductWords
) -> bool:
    """Whether the token before a model number names its maker or its line ("Boeing", "iPhone")."""
    possessive = tok.i + 1 < designator.i
    if (
        not tok.is_alpha
        or (tok.whitespace_ == "" and not possessive)
        or "\n" in tok.whitespace_
        or tok.is_stop
    ):
        return False
    if not (tok.is_title or tok.is_upper or is_camel_product(tok.text)) or tok.text in words.numbered:
        return False
    if tok.pos_ != "PROPN" and not is_camel_product(tok.text):
        return False  # "Nearly 200", "Turkish F-16"
    owner = by_token.get(tok.i)
    if owner is not None and (owner.label in _NOT_MAKER_LABELS or owner.end != tok.i + 1):
        return False
    if tok.ent_type_ in _NOT_MAKER_LABELS:
        return False
    if possessive:
        return owner is not None and owner.label == "ORG" and tok.head.i in {designator.i, designator.head.i}
    return designator.head.i == tok.i or tok.head.i == designator.i or designator.head.i == tok.head.i


def _model_end(doc: Doc, i: int, by_token: dict[int, NameMention], words: ProductWords) -> int:
    """Return the end of the model words after a model number ("787 Dreamliner", "A350 XWB")."""
    end = i
    while end < len(doc) and end - i < _MAX_MODEL_WORDS and doc[end - 1].whitespace_ == " ":
        if doc[end].text not in words.model or end in by_token:
            break
        end += 1
    return end


def _line_models(
    doc: Doc, models: list[int], by_token: dict[int, NameMention], added: list[NameMention]
) -> list[NameMention]:
    """Return a product line with its model word and no number ("iPod nano", "MacBook Pro")."""
    out = []
    covered = taken(added)
    for i in models:
        tok = doc[i]
        if tok.i == 0 or tok.i in covered:
            continue
        line = doc[tok.i - 1]
        owner = by_token.get(line.i)
        if line.whitespace_ != " " or line.i in covered or not _product_line(line, tok, owner):
            continue
        start = owner.start if owner is not None else line.i
        out.append(NameMention(start, tok.i + 1, "PRODUCT", "pattern"))
    return out


def _product_line(line: Token, model: Token, owner: NameMention | None) -> bool:
    """Whether a name before a model word is a product line ("iPod" nano, "MacBook" Pro).

    Written like a product, found as one, or a one-word name with a capital inside that spaCy
    joined with the model word into one span ("MacBook Pro" tagged ORG; not "Korean Air").
    """
    if is_camel_product(line.text) or (owner is not None and owner.label == "PRODUCT"):
        return True
    return (
        owner is not None
        and owner.start == line.i
        and owner.end == model.i + 1
        and bool(_INNER_CAPITAL.match(line.text))
    )


def _opens(doc: Doc, nxt: NameMention) -> bool:
    """Whether a name after a product's name continues it ("iTunes" + "Music Store")."""
    return nxt.label == "PRODUCT" or doc[nxt.end - 1].text in _STORE_WORDS


def _camel_names(
    doc: Doc,
    camels: list[int],
    mentions: list[NameMention],
    added: list[NameMention],
    by_token: dict[int, NameMention],
) -> list[NameMention]:
    """Return the names written like products ("iPod", "iTunes"), with a name right after them
    ("iTunes" + "Music Store"), that no longer span holds."""
    covered = taken(added)
    out = []
    for i in camels:
        tok = doc[i]
        if tok.i in covered or not is_camel_product(tok.text):
            continue
        if any(o.start <= tok.i < o.end and o.end - o.start > 1 for o in mentions):
            continue  # part of a longer name ("iTunes Music Store")
        end = tok.i + 1
        nxt = by_token.get(end)
        if nxt is not None and nxt.start == end and tok.whitespace_ == " " and _opens(doc, nxt):
            end = nxt.end
        out.append(NameMention(tok.i, end, "PRODUCT", "pattern"))
    return out
