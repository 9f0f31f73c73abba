"""Whether a phrase can act is worked out once per doc for what it reads of the actor (issue 15, events
CPU): the stages ask `ActorFinder._can_act` again for the same phrases; an actor that differs in what it
reads (its text, its entity), or a phrase of another doc, is read afresh."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.extract.components.events import _actors
from newsgraph.extract.components.events._actors import Actor, ActorFinder
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from tests.support.event_parses import parsed, spec

# "the angry farmers blocked the road"; "1991 was a year"
_FARMERS = spec(
    "the/2/det/DT/DET angry/2/amod/JJ/ADJ farmers/3/nsubj/NNS/NOUN blocked/3/ROOT/VBD/VERB "
    "the/5/det/DT/DET road/3/dobj/NN/NOUN"
)
_YEAR = spec("1991/1/nsubj/CD/NUM was/1/ROOT/VBD/AUX a/3/det/DT/DET year/1/attr/NN/NOUN")


def test_can_act_read_once_per_actor_and_afresh_for_another_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicon()
    finder = ActorFinder(lex, Grammar(lex, frozenset()))
    reads: list[str] = []
    named = _actors.event_name
    monkeypatch.setattr(_actors, "event_name", lambda tok, lx: reads.append(tok.text) or named(tok, lx))
    farmers, other = parsed(_FARMERS), parsed(_FARMERS)
    actor = Actor(2, 0, 3, "the angry farmers", None)
    assert finder._can_act(farmers, actor) and finder._can_act(farmers, replace(actor))
    assert reads == ["farmers"]  # the second ask, an equal actor, is answered from the first
    assert finder._can_act(farmers, replace(actor, text="farmers"))  # another text: read again
    assert finder._can_act(other, actor)  # the same phrase in another doc: read again
    assert reads == ["farmers", "farmers", "farmers"]


def test_can_act_answers_kept_apart_per_actor() -> None:
    lex = load_lexicon()
    finder = ActorFinder(lex, Grammar(lex, frozenset()))
    year = parsed(_YEAR)
    assert not finder._can_act(year, Actor(0, 0, 1, "1991", None))  # a number alone is no actor
    assert finder._can_act(year, Actor(3, 2, 4, "a year", None))  # another phrase of the doc: its own answer
    assert not finder._can_act(year, Actor(0, 0, 1, "1991", None))
