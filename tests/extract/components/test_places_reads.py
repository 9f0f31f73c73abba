"""What the places component reads once per doc (issue 20, places CPU): the article's text handed to
the events' time links is the doc's kept text, not rebuilt from the tokens per event; a sentence is
judged title case once, however many toponyms stand in it, and each sentence keeps its own answer; a
name's end is searched for trailing punctuation only when it ends in such a character."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.components import _places_headlines, _places_toponym
from newsgraph.extract.components._places_toponym import Toponym
from newsgraph.extract.components.events import _details
from newsgraph.extract.components.events._details import link_events
from newsgraph.extract.extensions import doc_text, get_events


def test_link_events_hands_on_the_kept_text(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = nlp("Protesters rallied in Nairobi on Monday. Police arrested ten people in Mombasa on Tuesday.")
    events = [ev for ev in get_events(doc) if ev.time_text]
    assert events
    for ev in events:
        ev.time = None  # link them again
    texts: list[str] = []
    linked = _details.point_time
    monkeypatch.setattr(_details, "point_time", lambda *a: texts.append(a[-1]) or linked(*a))
    link_events(doc)
    assert texts and all(t is doc_text(doc) for t in texts)  # the one kept string, not a new one each time
    assert all(ev.time is not None for ev in events)


def _toponyms(doc: Doc, *names: str) -> list[Toponym]:
    text = doc_text(doc)
    return [Toponym(text.index(n), text.index(n) + len(n), n, "scan") for n in names]


def test_title_case_judged_once_per_sentence(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = nlp("Why Paris And Berlin Might Surprise You This Year")
    judged: list[str] = []
    judge = _places_headlines.title_case
    monkeypatch.setattr(_places_headlines, "title_case", lambda sent: judged.append(sent.text) or judge(sent))
    _places_headlines.drop_headline_words(doc, doc_text(doc), _toponyms(doc, "Paris", "Berlin"))
    assert judged == [doc.text]  # two toponyms, one sentence: one judgement


def test_title_case_answers_kept_apart_per_sentence(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = nlp(
        "Why Paris And Berlin Might Surprise You This Year\n\n"
        "The mayor of Paris said on Monday that the city would host the talks in Berlin next year."
    )
    text = doc_text(doc)
    running = text.index("Paris", 20)
    toponyms = [*_toponyms(doc, "Paris", "Berlin"), Toponym(running, running + 5, "Paris", "scan")]
    asked: list[str] = []
    ordinary = _places_headlines._ordinary_town_word
    monkeypatch.setattr(
        _places_headlines, "_ordinary_town_word", lambda d, tx, t: asked.append(t.text) or ordinary(d, tx, t)
    )
    _places_headlines.drop_headline_words(doc, text, toponyms)
    # the headline's names are asked about unless named again in running text: "Paris" is, "Berlin" not
    assert asked == ["Berlin"]


class _Searches:
    """A stand-in for `_TRAILING` that notes the pieces searched."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.pieces: list[str] = []

    def search(self, piece: str) -> re.Match[str] | None:
        self.pieces.append(piece)
        return self.pattern.search(piece)


def test_trim_searches_the_end_only_when_something_trails(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    searches = _Searches(_places_toponym._TRAILING)
    monkeypatch.setattr(_places_toponym, "_TRAILING", searches)
    places = nlp.get_pipe("newsgraph_places")
    text = "the Lake Placid Regatta"
    assert places._trim(text, 0, len(text)) == (4, len(text))
    assert searches.pieces == []  # a name ending in a letter: nothing to trim off its end


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Lake Placid", "Lake Placid"),
        ("the Lake Placid,", "Lake Placid"),
        ("Placid's", "Placid"),
        ("Placid’s ", "Placid"),
        ("Placids'", "Placids"),
        ("Tupper Lake, N.Y.,", "Tupper Lake, N.Y."),
        ("Calif.)", "Calif."),
        ("Essex -", "Essex"),
        ("Boss", "Boss"),
    ],
)
def test_trim_keeps_the_name(nlp: Language, text: str, kept: str) -> None:
    start, end = nlp.get_pipe("newsgraph_places")._trim(text, 0, len(text))
    assert text[start:end] == kept
