"""What the places component reads once per doc (issue 20, places CPU): the article's text handed to
the events' time links is the doc's kept text, not rebuilt from the tokens per event."""

from __future__ import annotations

import pytest
from spacy.language import Language

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
