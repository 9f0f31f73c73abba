"""Tests of the times component: "the past decade" and "the last decade" are the ten years up to now."""

from __future__ import annotations

from spacy.language import Language

from newsgraph.extract.components.times import Times
from newsgraph.extract.extensions import get_times, set_published


def _times(nlp: Language, text: str, published: str) -> list[tuple[str, str, str | None]]:
    doc = nlp.make_doc(text)
    set_published(doc, published)
    Times()(doc)
    return [(t.text, t.type, t.value) for t in get_times(doc)]


def test_times_the_past_decade_is_ten_years_up_to_now(nlp: Language) -> None:
    """Said in 2016, "the past decade" is 2006-2016, a duration, not the calendar decade 200X."""
    times = _times(
        nlp, "Exports of the region have doubled over the past decade, the minister said.", "2016-05-04"
    )
    assert ("the past decade", "DURATION", "P10Y") in times
    times = _times(nlp, "No mayor of the town has lost a vote in the last decade.", "2023-11-20")
    assert ("the last decade", "DURATION", "P10Y") in times
    times = _times(nlp, "Farmers say this past decade was the driest they remember.", "2019-02-11")
    assert ("this past decade", "DURATION", "P10Y") in times


def test_times_the_last_decade_of_a_period_and_the_previous_decade_stay_dates(nlp: Language) -> None:
    """ "The last decade of the century" is the final one, not the ten years up to now; "the previous
    decade" is told from another time than the publication."""
    times = _times(nlp, "The mill closed in the last decade of the century.", "2016-05-04")
    assert all(value != "P10Y" for _text, _type, value in times)
    times = _times(nlp, "The city spent $40 million on repairs in the previous decade.", "2016-05-04")
    assert ("the previous decade", "DATE", "200") in times
