"""An actor's phrase is worked out once per head of a doc (issue 15, events CPU): the stages ask
`ActorFinder.phrase` again for the same heads; a token of another doc is read afresh."""

from __future__ import annotations

import pytest

from newsgraph.extract.components.events import _actors
from newsgraph.extract.components.events._actors import ActorFinder
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from tests.support.event_parses import parsed, spec

# "the angry farmers blocked the road"; "farmers from the north blocked roads"
_SHORT = spec(
    "the/2/det/DT/DET angry/2/amod/JJ/ADJ farmers/3/nsubj/NNS/NOUN blocked/3/ROOT/VBD/VERB "
    "the/5/det/DT/DET road/3/dobj/NN/NOUN"
)
_LONG = spec(
    "farmers/4/nsubj/NNS/NOUN from/0/prep/IN/ADP the/3/det/DT/DET north/1/pobj/NN/NOUN "
    "blocked/4/ROOT/VBD/VERB roads/4/dobj/NNS/NOUN"
)


def test_phrase_read_once_per_head_and_afresh_for_another_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicon()
    finder = ActorFinder(lex, Grammar(lex, frozenset()))
    reads: list[str] = []
    pair = _actors.hyphen_pair
    monkeypatch.setattr(_actors, "hyphen_pair", lambda tok, *a: reads.append(tok.text) or pair(tok, *a))
    short, long = parsed(_SHORT), parsed(_LONG)
    assert finder.phrase(short[2]) == finder.phrase(short[2]) == (0, 3)
    assert reads == ["farmers"]  # the second ask is answered from the first
    assert finder.phrase(long[0]) == (0, 4)  # the same index in another doc: its own phrase
    assert finder.phrase(short[5]) == (4, 6)
    assert reads == ["farmers", "farmers", "road"]
