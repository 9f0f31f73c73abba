"""A number that begins a name written after it: "the 787 Dreamliner", "2 Timothy", "One Nation".

English counts with a number before a common noun ("two reporters", "60 Boeing 787 Dreamliner
aircraft", "five Bulgarian nurses"). A bare number followed only by capitalised words that end
the phrase, none of them plural nor a people's name, counts nothing: it is the first word of a
name (a model, a book, a group, an address, a ranked list's label).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.extract.components._quantities_lexicon import Found, TokenAt
from newsgraph.extract.components._title_case import title_case
from newsgraph.extract.lexicons import load_json, load_text

# the small words inside a name: "Club for Growth", "Department of Transportation"
_NAME_JOINERS = frozenset({"of", "for", "the", "and", "&"})
# what may follow the name's words inside a longer noun phrase: the phrase counts that noun
_NOUN_POS = frozenset({"NOUN", "ADJ", "PROPN"})
# a lowercase word the tagger often misreads inside a noun phrase ("Grand Slam singles titles")
_VERB_FORMS_IN_NOUN_PHRASE = frozenset({"VBZ", "VBG", "VBN", "NNS"})


def begins_name(doc: Doc, text: str, cand: Found, token_at: TokenAt) -> bool:
    """Tell whether a bare count is the first word of a name written after it.

    Only a count with no unit, scale or range; the next word must follow after one space.
    """
    if cand.kind != "count" or cand.has_unit or cand.low is not None or not len(doc):
        return False
    first = token_at(cand.core_end + 1)
    if first is None or first.idx != cand.core_end + 1 or text[cand.core_end] != " ":
        return False
    if not _word_of_a_name(first) or title_case(first.sent):
        return False  # "300 PS", "0.5 R per day": a unit's symbol; "1 Thing He Thinks": a headline
    run = _name_run(doc, first)
    if not run or any(_plural_or_people(t) or t.ent_type_ in ("DATE", "TIME") for t in run):
        return False  # "five Uyghurs", "one Sunday", "four Super Tuesday states"
    after = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
    if after is not None and after.text == "-" and not run[-1].whitespace_:
        return False  # "a half-dozen Trump-themed books": a compound adjective
    after = _past_place_qualifier(doc, after)
    return after is None or not _continues_noun_phrase(doc, after)


def _past_place_qualifier(doc: Doc, after: Token | None) -> Token | None:
    """Skip ", Iowa," after a place name: "one Coralville, Iowa, pastor" goes on after the comma."""
    if after is None or after.text != "," or after.i + 3 >= len(doc):
        return after
    place, comma = doc[after.i + 1], doc[after.i + 2]
    if _capitalised_proper(place) and comma.text == ",":
        return doc[after.i + 3]
    return after


def _name_run(doc: Doc, first: Token) -> list[Token]:
    """Return the capitalised nouns from `first` on, with the numbers and hyphens inside them.

    "Boeing 787 Dreamliner", "Rolls-Royce Trent 900", "Club for Growth": a run starts with a
    capitalised noun and may carry a number, a joining hyphen or a small word ("of", "for") only
    between two of its words.
    """
    run: list[Token] = []
    i = first.i
    while i < len(doc):
        tok = doc[i]
        joins = tok.like_num or (tok.text == "-" and not tok.whitespace_) or tok.lower_ in _NAME_JOINERS
        if not (_capitalised_proper(tok) or (run and joins and _next_is_proper(doc, i))):
            break
        run.append(tok)
        i += 1
    return run


def _word_of_a_name(tok: Token) -> bool:
    """Tell whether a token reads as a capitalised word, not a symbol ("Dreamliner", not "PS", "Nm")."""
    word = tok.text
    return len(word) >= 3 and word[0].isupper() and any(c.islower() for c in word[1:])


def _capitalised_proper(tok: Token) -> bool:
    """Tell whether a token is a capitalised noun; the tagger reads some names as common ("Dreamliner")."""
    return tok.text[:1].isupper() and tok.tag_ in ("NNP", "NNPS", "NN")


def _next_is_proper(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and _capitalised_proper(doc[i + 1])


def _plural_or_people(tok: Token) -> bool:
    """Tell whether a word of the run is plural or names a people ("Uyghurs", "Hmong", "Vietnamese")."""
    if tok.tag_ == "NNPS" or tok.ent_type_ == "NORP" or tok.text in _peoples():
        return True
    word = tok.text
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


@cache
def _peoples() -> frozenset[str]:
    """The words naming a people, several of them the same in the plural ("Sudanese", "Hutu", "Druze").

    From `gpe_names.json`'s demonyms and `countries.tsv`'s demonym rows, whatever the tagger says.
    """
    names = set(load_json("gpe_names.json")["demonyms"])
    for line in load_text("countries.tsv").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and cols[2] == "demonym":
            names.add(cols[0])
    return frozenset(names)


def _continues_noun_phrase(doc: Doc, after: Token) -> bool:
    """Tell whether the word after the capitalised run goes on with the noun phrase the number counts.

    A noun or adjective does ("two Chrysler plants"); so does a coordinator joining another name
    ("19 West and Central African countries"), a possessive, and a lowercase word the tagger read
    as a verb right before a noun ("12 Grand Slam singles titles").
    """
    if after.pos_ in _NOUN_POS or after.tag_ == "POS" or after.lower_ in ("and", "or", "&"):
        return True
    nxt = doc[after.i + 1] if after.i + 1 < len(doc) else None
    return (
        after.is_lower and after.tag_ in _VERB_FORMS_IN_NOUN_PHRASE and nxt is not None and nxt.pos_ == "NOUN"
    )
