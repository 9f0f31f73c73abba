"""The events component's own parse walks read what spaCy's walks read (issue 15, events CPU).

The actor finder reads conjuncts, left children and subtree sizes from the cached children lists
(`Grammar.kids`), and the CAMEO dictionary's bags skip a phrase whose first word is absent and read a
preposition's phrases once: each must give what spaCy's `Token.conjuncts`, `Token.lefts`,
`Token.subtree` and the plain phrase search give, on every token of hand-built parses.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.components.events._actors import ActorFinder, _size_within
from newsgraph.extract.components.events._dictionary import Prep, _Bag, _Items
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from newsgraph.extract.components.events._lists import conjuncts
from tests.support.event_parses import parsed, spec

# "Jordan, Britain and France met Egypt and Qatar in talks with Iran and Iraq."
_COORDINATED = spec(
    "Jordan/5/nsubj/NNP/PROPN ,/0/punct/,/PUNCT Britain/0/conj/NNP/PROPN and/2/cc/CC/CCONJ "
    "France/2/conj/NNP/PROPN met/5/ROOT/VBD/VERB Egypt/5/dobj/NNP/PROPN and/6/cc/CC/CCONJ "
    "Qatar/6/conj/NNP/PROPN in/5/prep/IN/ADP talks/9/pobj/NNS/NOUN with/10/prep/IN/ADP "
    "Iran/11/pobj/NNP/PROPN and/12/cc/CC/CCONJ Iraq/12/conj/NNP/PROPN ./5/punct/./PUNCT"
)
# "The rebel fighters of the northern province, a group of 40 men, attacked a convoy."
_NESTED = spec(
    "The/2/det/DT/DET rebel/2/compound/NN/NOUN fighters/13/nsubj/NNS/NOUN of/2/prep/IN/ADP "
    "the/6/det/DT/DET northern/6/amod/JJ/ADJ province/3/pobj/NN/NOUN ,/2/punct/,/PUNCT "
    "a/9/det/DT/DET group/2/appos/NN/NOUN of/9/prep/IN/ADP 40/12/nummod/CD/NUM men/10/pobj/NNS/NOUN "
    "attacked/13/ROOT/VBD/VERB a/15/det/DT/DET convoy/13/dobj/NN/NOUN ./13/punct/./PUNCT"
)


def _finder() -> ActorFinder:
    lex = load_lexicon()
    return ActorFinder(lex, Grammar(lex, frozenset()))


def test_walks_conjuncts_are_spacys() -> None:
    """Every token's conjuncts, from the first conjunct of a chain or from any later one."""
    finder = _finder()
    for rows in (_COORDINATED, _NESTED):
        doc = parsed(rows)
        for tok in doc:
            assert [t.i for t in conjuncts(tok, finder.g)] == [t.i for t in tok.conjuncts], tok.text
    doc = parsed(_COORDINATED)
    assert [t.text for t in finder.heads(doc[2])] == ["Jordan", "Britain", "France"]


def test_walks_left_children_and_subtree_sizes_are_spacys() -> None:
    """A token's left children in order, and whether its subtree holds at most n tokens."""
    finder = _finder()
    for rows in (_COORDINATED, _NESTED):
        doc = parsed(rows)
        for tok in doc:
            assert [t.i for t in finder._lefts(tok)] == [t.i for t in tok.lefts], tok.text
            size = len(list(tok.subtree))
            for most in range(len(doc) + 1):
                assert _size_within(tok, most) == (size <= most), (tok.text, most)


def _bag(words: list[str]) -> _Bag:
    return _Bag(list(Doc(parsed(spec("x/0/ROOT/NN/NOUN")).vocab, words=words)))


def test_walks_a_phrase_is_found_only_when_present() -> None:
    """A class's phrase is found in a bag's words in order; its first word alone, or its words in
    another order, are no phrase; a word of the class alone is found as a word."""
    alts = _Items({"TRUCE": ["cease fire", "truce", "peace deal"]}).alts(["&TRUCE"])
    assert alts.starts == frozenset({"cease", "peace"})
    assert _bag(["they", "declared", "a", "cease", "fire"]).has(alts)
    assert _bag(["a", "truce", "held"]).has(alts)
    assert not _bag(["they", "cease", "firing"]).has(alts)
    assert not _bag(["the", "fire", "may", "cease"]).has(alts)
    assert not _bag(["no", "deal", "for", "peace"]).has(alts)


def test_walks_a_phrase_with_no_first_word_is_still_sought() -> None:
    """A phrase opening with a space has no first word to look for: it is sought in the text as is."""
    alts = _Items({"ODD": [" odd one"]}).alts(["&ODD"])
    assert alts.starts is None
    assert _bag(["an", " ", "odd", "one"]).has(alts)
    assert not _bag(["an", "odd", "one"]).has(alts)


def test_walks_a_prepositions_phrases_serve_every_pattern() -> None:
    """ "sent aid to the north and to Kabul": each "to" phrase is read, whichever pattern asks first."""
    rows = spec(
        "They/1/nsubj/PRP/PRON sent/1/ROOT/VBD/VERB aid/1/dobj/NN/NOUN to/1/prep/IN/ADP "
        "the/5/det/DT/DET north/3/pobj/NN/NOUN and/3/cc/CC/CCONJ to/3/conj/IN/ADP Kabul/7/pobj/NNP/PROPN"
    )
    doc = parsed(rows)
    post = _Bag([doc[i] for i in range(2, len(doc))])
    items = _Items({})
    kabul, north, moscow = (Prep("to", (items.alts([w]),)) for w in ("kabul", "north", "moscow"))
    assert post.has_prep(kabul) and post.has_prep(north) and not post.has_prep(moscow)
    assert post.has_prep(kabul)  # asked again: the phrases read once answer the same
