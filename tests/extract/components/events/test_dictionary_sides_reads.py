"""A draft of a verb coded by the CAMEO dictionary alone stops once its sides are made when it lacks what
`Drafter._dictionary_actors` asks (a source, a target, the main clause): it would be dropped there, so the
tests between (`Drafter._retype`) are not read (issue 15, events CPU). Its sides are still made, as
before: making them may add entities to the article."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Token

from newsgraph.extract.components.events import _drafting
from newsgraph.extract.components.events._candidates import Candidate
from newsgraph.extract.components.events._drafting import DocState, Draft, Drafter
from newsgraph.models import Analysis
from tests.support.events import sides


def _retyped(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the trigger word of every draft that reaches `Drafter._retype`."""
    read: list[str] = []
    retype = _drafting.Drafter._retype

    def spy(self: Drafter, st: DocState, cand: Candidate, d: Draft, source: Token | None) -> bool:
        read.append(d.tok.text)
        return retype(self, st, cand, d, source)

    monkeypatch.setattr(_drafting.Drafter, "_retype", spy)
    return read


def test_dictionary_verb_of_a_relative_clause_read_no_further(
    analyze_text: Callable[..., Analysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    read = _retyped(monkeypatch)
    analysis = analyze_text("The senators who protected the governor resigned.")
    assert read == ["resigned"]  # "protected" (the dictionary's verb, in a relative clause) stops before
    assert sides(analysis, "CONCEDE") == [("The senators", None)]
    assert sides(analysis, "AID") == []


def test_dictionary_verb_of_the_main_clause_with_two_sides_still_read(
    analyze_text: Callable[..., Analysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    read = _retyped(monkeypatch)
    analysis = analyze_text("The Kenyan government suspects the Ugandan army.")
    assert read == ["suspects"]
    assert sides(analysis, "ACCUSE") == [("The Kenyan government", "the Ugandan army")]
