"""Rule tests of the events component: an acronym in capitals spelt like a pronoun ("the WHO", "WHO
told …") is a name, never the pronoun "who" that a reporter or the noun before it would stand in for."""

from __future__ import annotations

from collections.abc import Callable

import spacy

from newsgraph.extract.components.events._acronyms import is_acronym, is_pronoun
from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def test_acronyms_who_is_the_doer_not_the_reporter(analyze_text: Analyze) -> None:
    for text, trigger, source in (
        ("The minister said the WHO had urged the government to close the schools.", "urged", "the WHO"),
        ("Officials said WHO had told hospitals to stop the trials.", "told", "WHO"),
        ("Carlos Vega said the WHO would not criticize the ministry.", "criticize", "the WHO"),
    ):
        events = [e for e in analyze_text(text).events if e.trigger.text == trigger]
        assert [e.source_text for e in events] == [source], text


def test_acronyms_capitals_in_running_text_only() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Officials said WHO had told them. WHO IS TO BLAME FOR THE DELAY? I agree with who said it.")
    words = {(t.sent.start, t.text): t for t in doc}
    assert is_acronym(words[(0, "WHO")])
    assert not is_acronym(next(t for t in doc if t.text == "WHO" and t.sent.start > 0))  # a headline
    assert not is_acronym(next(t for t in doc if t.text == "I"))
    assert not is_acronym(next(t for t in doc if t.text == "who"))
    assert not is_pronoun(words[(0, "WHO")])
