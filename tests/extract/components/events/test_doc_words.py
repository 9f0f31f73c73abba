"""The CAMEO dictionary's test before it reads a verb's bags gives the same readings (issue 15, events CPU).

`CameoDictionary.match(…, words=DocWords)` drops the patterns an item of which has no word anywhere
under the verb, and reads no bag when none is left. `DocWords.under` must hold every word a bag of
the verb can hold (its forms, lower-case forms and text pieces, its prepositions' phrases), so that
the readings with and without it are the same, on hand-built parses with a relative clause, a
lemma in capitals and a token that holds a space.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.lang.en import English
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsgraph.extract.components.events._dictionary import (
    _MAX_BAG,
    _OBJECT_DEPS,
    _POST_DEPS,
    _PRE_DEPS,
    CameoDictionary,
    DocWords,
    _Bag,
    _possible,
    _side,
    load_dictionary,
)
from tests.support.event_parses import parsed, spec

# "Rebels who attacked the Americans agreed to a cease fire with the army in the city."
# ("cease fire" is one token, as a retokenizer merges it; "Americans" has the lemma "American")
_WORDS = [
    ("Rebels", 7, "nsubj", "NNS", "NOUN", "rebel"),
    ("who", 2, "nsubj", "WP", "PRON", "who"),
    ("attacked", 0, "relcl", "VBD", "VERB", "attack"),
    ("the", 4, "det", "DT", "DET", "the"),
    ("Americans", 2, "dobj", "NNPS", "PROPN", "American"),
    (",", 0, "punct", ",", "PUNCT", ","),
    ("then", 7, "advmod", "RB", "ADV", "then"),
    ("agreed", 7, "ROOT", "VBD", "VERB", "agree"),
    ("to", 7, "prep", "IN", "ADP", "to"),
    ("a", 10, "det", "DT", "DET", "a"),
    ("cease fire", 8, "pobj", "NN", "NOUN", "Cease fire"),
    ("with", 10, "prep", "IN", "ADP", "with"),
    ("the", 13, "det", "DT", "DET", "the"),
    ("army", 11, "pobj", "NN", "NOUN", "army"),
    ("in", 7, "prep", "IN", "ADP", "in"),
    ("the", 16, "det", "DT", "DET", "the"),
    ("city", 14, "pobj", "NN", "NOUN", "city"),
    (".", 7, "punct", ".", "PUNCT", "."),
]
# "Troops rushed to Kabul and sent aid to the north, where floods spread."
_SENT = spec(
    "Troops/1/nsubj/NNS/NOUN rushed/1/ROOT/VBD/VERB to/1/prep/IN/ADP Kabul/2/pobj/NNP/PROPN "
    "and/1/cc/CC/CCONJ sent/1/conj/VBD/VERB aid/5/dobj/NN/NOUN to/5/prep/IN/ADP the/9/det/DT/DET "
    "north/7/pobj/NN/NOUN ,/9/punct/,/PUNCT where/13/advmod/WRB/SCONJ floods/13/nsubj/NNS/NOUN "
    "spread/9/relcl/VBD/VERB ./1/punct/./PUNCT"
)


def _merged() -> Doc:
    words, heads, deps, tags, pos, lemmas = (list(x) for x in zip(*_WORDS, strict=True))
    return Doc(English().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def _doc_words(cameo: CameoDictionary, doc: Doc) -> DocWords:
    rows = doc.to_array([LOWER, LEMMA])
    return cameo.doc_words(doc.vocab.strings, rows[:, 0].tolist(), rows[:, 1].tolist())


def _bag_words(verb: Token) -> set[str]:
    """Every word the bags of a verb can hold: forms, lower-case forms, text pieces, phrases' words."""
    kids = list(verb.children)
    out: set[str] = set()
    for deps, after in ((_POST_DEPS, True), (_PRE_DEPS, False), (_OBJECT_DEPS, True)):
        bag = _Bag(_side(verb, kids, deps, after))
        out |= bag.forms | set(bag.lowers) | set(bag.text.split(" "))
        for tok in bag.tokens:  # a preposition's phrase: a subtree within the bag's tokens
            phrase = _Bag([t for t in tok.subtree if t.i != tok.i][:_MAX_BAG])
            out |= phrase.forms | set(phrase.text.split(" "))
    return out


def test_doc_words_under_a_verb_holds_every_word_of_its_bags() -> None:
    """The words of every token's bags, its head's for a relative clause, are among `under`'s."""
    cameo = load_dictionary()
    for doc in (_merged(), parsed(_SENT)):
        words = _doc_words(cameo, doc)
        for tok in doc:
            under = words.under(tok)
            missing = {w for w in _bag_words(tok) if get_string_id(w) not in under}
            assert not missing, (tok.text, missing)
    doc = _merged()
    under = _doc_words(cameo, doc).under(doc[7])
    for word in ("american", "americans", "cease fire", "cease", "fire", "agree", "|", ""):
        assert get_string_id(word) in under, word  # lemma lower-cased, a spaced word and its pieces
    assert get_string_id("Americans") not in under and get_string_id("American") not in under


def test_doc_words_readings_are_the_same_with_and_without() -> None:
    """Every verb of the dictionary read at every token of the parses: the same reading either way."""
    cameo = load_dictionary()
    lemmas = [*sorted(cameo.lemmas())[::7], "agree", "attack", "rush", "send", "spread", "kill", "fight"]
    for doc in (_merged(), parsed(_SENT)):
        words = _doc_words(cameo, doc)
        for tok in doc:
            kids = list(tok.children)
            for lemma in lemmas:
                plain = cameo.match(tok, lemma, kids)
                assert cameo.match(tok, lemma, kids, words) == plain, (tok.text, lemma)


def test_doc_words_a_pattern_without_its_words_is_not_read() -> None:
    """A pattern whose item has no word under the verb is dropped; with no pattern left the verb's own
    code answers; a phrase found through a spaced token's pieces is kept."""
    data = {
        "plover": {"030": "AGREE", "040": "CONSULT", "050": "COOPERATE"},
        "classes": {"TRUCE": ["truce", "cease fire"]},
        "verbs": {"agree": [[0, "030", []]]},
        "blocks": [
            [
                ["040", [], [["(", "with", ["government"]]], ["agree"]],
                ["050", [], [["&TRUCE"]], ["agree"]],
            ]
        ],
    }
    cameo = CameoDictionary(data)
    doc = _merged()
    kept = _possible(cameo._patterns("agree", 0), _doc_words(cameo, doc).under(doc[7]))
    assert [p.code for p in kept] == ["050"]  # no "government" in the sentence
    match = cameo.match(doc[7], "agree", list(doc[7].children), _doc_words(cameo, doc))
    assert match is not None and match.code == "050"  # "cease fire", a phrase in one token
    rows = spec("They/1/nsubj/PRP/PRON agreed/1/ROOT/VBD/VERB with/1/prep/IN/ADP Iran/2/pobj/NNP/PROPN")
    doc = parsed(rows)
    match = cameo.match(doc[1], "agree", list(doc[1].children), _doc_words(cameo, doc))
    assert match is not None and (match.code, match.size) == ("030", 0)
    assert match == cameo.match(doc[1], "agree")
