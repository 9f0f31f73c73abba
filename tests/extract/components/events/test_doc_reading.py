"""The grammar reads a doc's sentences and token columns once per doc (issue 15, events CPU, seventh
pass): every answer equals the one spaCy's Token objects give, on each token of hand-built parses
read in turn, and a new doc starts afresh."""

from __future__ import annotations

from spacy.attrs import IS_ALPHA, LOWER, ORTH
from spacy.lang.en import English
from spacy.tokens import Doc

from newsgraph.extract.components.events._grammar import ARRAY_ATTRS, Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from newsgraph.extract.components.events._modality import Modality
from newsgraph.extract.components.events._scoring import EventFilter
from tests.support.event_parses import parsed, spec

# "Rebels attacked the Capital after the storm. Hoping For Peace, Leaders Gather In Geneva Today."
_TWO = spec(
    "Rebels/1/nsubj/NNS/NOUN attacked/1/ROOT/VBD/VERB the/3/det/DT/DET Capital/1/dobj/NNP/PROPN "
    "after/1/prep/IN/ADP the/6/det/DT/DET storm/4/pobj/NN/NOUN ./1/punct/./PUNCT "
    "Hoping/13/advcl/VBG/VERB For/8/prep/IN/ADP Peace/9/pobj/NN/NOUN ,/13/punct/,/PUNCT "
    "Leaders/13/nsubj/NNS/NOUN Gather/13/ROOT/VBP/VERB In/13/prep/IN/ADP Geneva/14/pobj/NNP/PROPN "
    "Today/13/npadvmod/NN/NOUN ./13/punct/./PUNCT"
)
# "Troops killed in the attack were buried."
_ONE = spec(
    "Troops/6/nsubjpass/NNS/NOUN killed/0/acl/VBN/VERB in/1/prep/IN/ADP the/4/det/DT/DET "
    "attack/2/pobj/NN/NOUN were/6/auxpass/VBD/AUX buried/6/ROOT/VBN/VERB ./6/punct/./PUNCT"
)


def _docs() -> list[Doc]:
    two = parsed(_TWO)
    for tok in two:  # lemmas in capitals, as a lemmatizer leaves proper nouns
        if tok.pos_ == "PROPN":
            tok.lemma_ = tok.text
    return [two, parsed(_ONE)]


def test_doc_reading_sentences_and_words_are_spacys() -> None:
    lex = load_lexicon()
    kept = Grammar(lex, frozenset())
    docs = _docs()
    for _ in range(2):
        for doc in docs:  # each doc in turn: what was read of the one before is not the next one's
            assert [(s.start, s.end) for s in kept.sentences(doc)] == [(s.start, s.end) for s in doc.sents]
            assert kept.array(doc).tolist() == doc.to_array(ARRAY_ATTRS).tolist()
            assert kept.column(doc, LOWER) == [t.lower for t in doc]  # from the array
            assert kept.column(doc, IS_ALPHA) == [int(t.is_alpha) for t in doc]  # read alone
            assert kept.column(doc, ORTH) == [t.orth for t in doc]
            for tok in doc:
                sent = kept.sentence(tok)
                assert (sent.start, sent.end) == (tok.sent.start, tok.sent.end), tok.text
                assert kept.sentence_lemmas(sent) == [t.lemma_.lower() for t in tok.sent]
                assert kept.sentence_parts(sent) == [t.pos for t in tok.sent]
                assert kept.sentence_alpha_texts(sent) == [t.text for t in tok.sent if t.is_alpha]
                words = {t.lemma_.lower() for t in tok.sent} | {t.lower_ for t in tok.sent}
                assert kept.words(tok) == words, tok.text
                assert [c.i for c in kept.kids(tok)] == [c.i for c in tok.children], tok.text
                assert kept.kids(tok) is kept.kids(tok)  # kept, not built again
    two = docs[0]
    assert kept.sentence_lemmas(kept.sentence(two[3]))[3] == "capital"
    assert "geneva" in kept.words(two[14]) and "capital" not in kept.words(two[14])


def test_doc_reading_headline_and_sentence_kind_are_the_token_readings() -> None:
    lex = load_lexicon()
    grammar = Grammar(lex, frozenset())
    modality = Modality(lex, grammar)
    events = EventFilter(lex, grammar, 4, 0.2)
    for doc in _docs():
        for sent in doc.sents:
            words = [t for t in sent if t.is_alpha and len(t) > 3]
            headline = len(words) >= 4 and sum(1 for t in words if t.text[0].isupper()) >= 0.8 * len(words)
            assert modality.headline(sent) == headline
            hazards = {
                t.i for t in sent if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in lex.hazard_nouns
            }
            assert events._kind(sent).hazards == hazards
    two = _docs()[0]
    first, second = list(two.sents)
    assert not modality.headline(first) and modality.headline(second)
    assert events._kind(first).hazards == {6}  # "storm"


def test_doc_reading_doubling_verbs_are_found_once() -> None:
    """ "hoping" read as "hop" is "hope" when both are known verbs; "hopping" stays "hop"."""
    known = frozenset({"hop", "hope", "stop"})
    grammar = Grammar(load_lexicon(), known)
    assert grammar._doubling == frozenset({"hop"})
    words = ["They", "were", "hoping", "and", "hopping", "and", "stopping"]
    doc = Doc(
        English().vocab,
        words=words,
        heads=[2, 2, 2, 2, 2, 4, 4],
        deps=["nsubj", "aux", "ROOT", "cc", "conj", "cc", "conj"],
        pos=["PRON", "AUX", "VERB", "CCONJ", "VERB", "CCONJ", "VERB"],
        lemmas=["they", "be", "hop", "and", "hop", "and", "stop"],
    )
    assert [grammar.lemma(doc[i]) for i in (2, 4, 6)] == ["hope", "hop", "stop"]
