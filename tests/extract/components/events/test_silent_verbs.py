"""Verbs no list names and the dictionary cannot code here are not classified (issue 15, events CPU).

`SilentVerbs.silent` tells from a verb's lemma (and, for a dictionary line of several words, its
children) that `TriggerFinder.classify_verb` can give it no sense; the answers with the test must be
those without it, on hand-built parses.
"""

from __future__ import annotations

import pytest
from spacy.lang.en import English

from newsgraph.extract.components.events._dictionary import load_dictionary
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from newsgraph.extract.components.events._triggers import TriggerFinder, known_verbs
from tests.support.event_parses import parsed, spec

# "Officials said the town is calm, and rebels attacked a base."
_SAID = spec(
    "Officials/1/nsubj/NNS/NOUN said/1/ROOT/VBD/VERB the/3/det/DT/DET town/4/nsubj/NN/NOUN "
    "is/1/ccomp/VBZ/AUX calm/4/acomp/JJ/ADJ ,/1/punct/,/PUNCT and/1/cc/CC/CCONJ "
    "rebels/9/nsubj/NNS/NOUN attacked/1/conj/VBD/VERB a/11/det/DT/DET base/9/dobj/NN/NOUN ./1/punct/./PUNCT"
)
# "The governor is determined to veto the bill." (the dictionary's line "IS DETERMINED")
_DETERMINED = spec(
    "The/1/det/DT/DET governor/2/nsubj/NN/NOUN is/2/ROOT/VBZ/AUX determined/2/acomp/JJ/ADJ "
    "to/5/aux/TO/PART veto/3/xcomp/VB/VERB the/7/det/DT/DET bill/5/dobj/NN/NOUN ./2/punct/./PUNCT"
)


def _finder() -> TriggerFinder:
    lex, cameo = load_lexicon(), load_dictionary()
    return TriggerFinder(English(), lex, Grammar(lex, known_verbs(lex, cameo)), cameo)


def test_silent_verbs_reporting_verbs_and_a_bare_copula_are_silent() -> None:
    finder = _finder()
    said, determined = parsed(_SAID), parsed(_DETERMINED)
    silent = {
        t.text: finder.silent.silent(finder.g.lemma(t), finder.g.kids(t)) for t in said if t.pos_ != "PUNCT"
    }
    assert silent["said"] and silent["is"]  # a reporting verb; "is" without "determined"
    assert not silent["attacked"]  # a trigger of the project's lists
    copula = determined[2]
    assert not finder.silent.silent(finder.g.lemma(copula), finder.g.kids(copula))  # "is determined"


def test_silent_verbs_classify_as_without_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every verb of both parses: the same sense with the test and without it."""
    finder = _finder()
    docs = [parsed(_SAID), parsed(_DETERMINED)]
    verbs = [t for doc in docs for t in doc if t.pos_ in ("VERB", "AUX")]
    kept = [finder.classify_verb(t) for t in verbs]
    monkeypatch.setattr(finder.silent, "silent", lambda lemma, kids: False)
    assert [finder.classify_verb(t) for t in verbs] == kept
    assert any(k is not None for k in kept)
