"""`tokens_of_lemma` finds the words of a stretch of a doc with a lemma as a walk over its tokens does
(issue 15, events CPU: the look-backs of `kind_named` and `country_body` read the sentences' lemmas)."""

from __future__ import annotations

from newsgraph.extract.components.events._dictionary import load_dictionary
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lemma_scan import tokens_of_lemma
from newsgraph.extract.components.events._lexicon import load_lexicon
from newsgraph.extract.components.events._triggers import known_verbs
from tests.support.event_parses import parsed, spec

# "The bank grew fast. Critics of the bank praised the bank and the ministry."
_TWO = spec(
    "The/1/det/DT/DET bank/2/nsubj/NN/NOUN grew/2/ROOT/VBD/VERB fast/2/advmod/RB/ADV ./2/punct/./PUNCT "
    "Critics/9/nsubj/NNS/NOUN of/5/prep/IN/ADP the/8/det/DT/DET bank/6/pobj/NN/NOUN "
    "praised/9/ROOT/VBD/VERB the/11/det/DT/DET bank/9/dobj/NN/NOUN and/11/cc/CC/CCONJ "
    "the/14/det/DT/DET ministry/11/conj/NN/NOUN ./9/punct/./PUNCT"
)


def test_lemma_scan_finds_what_a_walk_over_the_tokens_finds() -> None:
    lex = load_lexicon()
    g = Grammar(lex, known_verbs(lex, load_dictionary()))
    doc = parsed(_TWO)
    assert len(list(doc.sents)) == 2
    for lemma in ("bank", "the", "ministry", "critic", "absent"):
        for start in range(len(doc) + 1):
            for end in range(start, len(doc) + 1):
                walked = [t.i for t in doc[start:end] if t.lemma_.lower() == lemma]
                assert [t.i for t in tokens_of_lemma(doc, lemma, start, end, g)] == walked
    assert [t.i for t in tokens_of_lemma(doc, "bank", 0, 11, g)] == [1, 8]  # across the sentences
