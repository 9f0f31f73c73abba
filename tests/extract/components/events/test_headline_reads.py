"""Whether a sentence is a headline is worked out once per sentence of a doc (issue 15, events CPU):
every draft of the sentence asks `Modality.headline`; a new doc is read afresh."""

from __future__ import annotations

import pytest

from newsgraph.extract.components.events._dictionary import load_dictionary
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from newsgraph.extract.components.events._modality import Modality
from newsgraph.extract.components.events._triggers import known_verbs
from tests.support.event_parses import parsed, spec

# "Rebels Seize Three Northern Towns Overnight" (title case); the same words in lower case
_TITLE = spec(
    "Rebels/1/nsubj/NNS/NOUN Seize/1/ROOT/VBP/VERB Three/4/nummod/CD/NUM Northern/4/amod/JJ/ADJ "
    "Towns/1/dobj/NNS/NOUN Overnight/1/advmod/RB/ADV"
)
_PLAIN = spec(
    "rebels/1/nsubj/NNS/NOUN seized/1/ROOT/VBD/VERB three/4/nummod/CD/NUM northern/4/amod/JJ/ADJ "
    "towns/1/dobj/NNS/NOUN overnight/1/advmod/RB/ADV"
)


def test_headline_read_once_per_sentence_and_afresh_for_another_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicon()
    mod = Modality(lex, Grammar(lex, known_verbs(lex, load_dictionary())))
    reads: list[int] = []
    read = mod._headline
    monkeypatch.setattr(mod, "_headline", lambda sent: reads.append(sent.start) or read(sent))
    title, plain = parsed(_TITLE), parsed(_PLAIN)
    assert mod.headline(title[:]) and mod.headline(title[:])
    assert reads == [0]
    assert not mod.headline(plain[:]) and not mod.headline(plain[:])
    assert reads == [0, 0]  # the other doc's sentence, read once
