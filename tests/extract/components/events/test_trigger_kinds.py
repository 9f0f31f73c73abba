"""The trigger finder reads each distinct word's kind once (issue 15, events CPU).

`TriggerFinder.find` keeps `_kind`'s answer per part of speech, nominal slot, lemma and lower-case
form; the candidates of a doc read with the answers kept must be those read afresh, and every kept
answer `_kind`'s own, on hand-built parses.
"""

from __future__ import annotations

from spacy.lang.en import English

from newsgraph.extract.components.events._dictionary import load_dictionary
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from newsgraph.extract.components.events._triggers import TriggerFinder, known_verbs
from tests.support.event_parses import parsed, spec

# "Rebels attacked the town and students held protests, ready to march."
_ROWS = spec(
    "Rebels/1/nsubj/NNS/NOUN attacked/1/ROOT/VBD/VERB the/3/det/DT/DET town/1/dobj/NN/NOUN "
    "and/1/cc/CC/CCONJ students/6/nsubj/NNS/NOUN held/1/conj/VBD/VERB protests/6/dobj/NNS/NOUN "
    ",/6/punct/,/PUNCT ready/6/advcl/JJ/ADJ to/11/aux/TO/PART march/9/xcomp/VB/VERB ./1/punct/./PUNCT"
)
# "University protests spread as police attacked." ("protests" tagged a verb in a noun's slot)
_MISPARSED = spec(
    "University/1/compound/NNP/PROPN protests/2/nsubj/VBZ/VERB spread/2/ROOT/VBD/VERB "
    "as/5/mark/IN/SCONJ police/5/nsubj/NNS/NOUN attacked/2/advcl/VBD/VERB ./2/punct/./PUNCT"
)


def _finder() -> TriggerFinder:
    lex, cameo = load_lexicon(), load_dictionary()
    return TriggerFinder(English(), lex, Grammar(lex, known_verbs(lex, cameo)), cameo)


def _found(finder: TriggerFinder, rows: list[tuple[str, int, str, str, str]]) -> tuple[object, ...]:
    finder.g.reset()
    doc = parsed(rows)
    cands, reporters = finder.find(doc)
    return (
        sorted((i, c.sense, c.noun, c.absorbed_by) for i, c in cands.items()),
        [t.i for t in reporters],
    )


def test_trigger_kinds_kept_answers_give_the_same_candidates() -> None:
    """Each parse read by a fresh finder, then again after the other parse: the same candidates."""
    fresh = [_found(_finder(), rows) for rows in (_ROWS, _MISPARSED)]
    finder = _finder()
    for _ in range(2):
        assert [_found(finder, rows) for rows in (_ROWS, _MISPARSED)] == fresh
    assert fresh[0][0] and fresh[1][0]


def test_trigger_kinds_every_kept_answer_is_kinds_own() -> None:
    """A verb in a noun's slot, a verb, an event noun, "ready" and a plain word: each kept answer is
    what `_kind` says of the word."""
    finder = _finder()
    for rows in (_ROWS, _MISPARSED):
        _found(finder, rows)
    assert finder._kinds
    strings: dict[int, str] = {}  # each hand-built parse has a vocab of its own: the words by id
    for rows in (_ROWS, _MISPARSED):
        for tok in parsed(rows):
            strings[tok.lemma] = tok.lemma_
            strings[tok.lower] = tok.lower_
    for (pos, nominal, lemma, lower), kind in finder._kinds.items():
        assert kind == finder._kind(pos, nominal, strings[lemma], strings[lower])
    assert {"VERB", "NOUN", "READY", None} <= set(finder._kinds.values())
