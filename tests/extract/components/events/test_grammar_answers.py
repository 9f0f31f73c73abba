"""The grammar keeps its answers on whether a verb names its object or is passive, per doc (issue 15,
events CPU): each kept answer is the one worked out afresh, on every token of hand-built parses read
in turn, and a new doc starts afresh."""

from __future__ import annotations

from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from tests.support.event_parses import parsed, spec

# "The court, which was convicted and sentenced, called the verdict a farce."
_NAMING = spec(
    "The/1/det/DT/DET court/9/nsubj/NN/NOUN ,/1/punct/,/PUNCT which/5/nsubjpass/WDT/PRON "
    "was/5/auxpass/VBD/AUX convicted/1/relcl/VBN/VERB and/5/cc/CC/CCONJ sentenced/5/conj/VBN/VERB "
    ",/1/punct/,/PUNCT called/9/ROOT/VBD/VERB the/11/det/DT/DET verdict/9/dobj/NN/NOUN "
    "a/13/det/DT/DET farce/9/oprd/NN/NOUN ./9/punct/./PUNCT"
)
# "Troops killed in the attack were buried."
_PARTICIPLE = spec(
    "Troops/6/nsubjpass/NNS/NOUN killed/0/acl/VBN/VERB in/1/prep/IN/ADP the/4/det/DT/DET "
    "attack/2/pobj/NN/NOUN were/6/auxpass/VBD/AUX buried/6/ROOT/VBN/VERB ./6/punct/./PUNCT"
)


def test_grammar_answers_kept_are_those_worked_out_afresh() -> None:
    lex = load_lexicon()
    kept = Grammar(lex, frozenset())
    docs = [parsed(rows) for rows in (_NAMING, _PARTICIPLE)]
    for _ in range(2):
        for doc in docs:  # each doc in turn: the answers of the one before are not the next one's
            for tok in doc:
                fresh = Grammar(lex, frozenset())
                assert kept.names_object(tok) == fresh.names_object(tok), tok.text
                assert kept.is_passive(tok) == fresh.is_passive(tok), tok.text
                assert kept.names_object(tok) == fresh._names[tok.i]
                assert kept.is_passive(tok) == fresh._passives[tok.i]
    naming, participle = docs
    assert kept.names_object(naming[9]) and not kept.names_object(participle[1])
    assert [t.text for t in naming if kept.is_passive(t)] == ["convicted", "sentenced"]
    assert [t.text for t in participle if kept.is_passive(t)] == ["killed", "buried"]
