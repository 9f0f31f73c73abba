"""Tests of the quarters of the times component: the quarter a year-ago value refers to."""

from __future__ import annotations

from spacy.language import Language

from newsgraph.extract.components.times import Times
from newsgraph.extract.extensions import get_times, set_published


def _values(nlp: Language, text: str, published: str) -> list[tuple[str, str | None]]:
    doc = nlp.make_doc(text)
    set_published(doc, published)
    Times()(doc)
    return [(t.text, t.value) for t in get_times(doc)]


def test_times_a_year_earlier_is_the_quarter_just_named(nlp: Language) -> None:
    """'a year earlier' right after a quarter is that quarter a year before, also when an earlier
    sentence named another quarter (a second company's report, a fiscal quarter)."""
    values = _values(
        nlp,
        "Acme Corp. said profit rose in its fiscal first quarter. Separately, Zenith Inc. said "
        "third-quarter sales rose 8% from a year earlier.",
        "2021-10-27",
    )
    assert ("a year earlier", "2020-Q3") in values
    values = _values(
        nlp,
        "Bolt Ltd. reported a loss for the second quarter. Its fourth-quarter orders fell from "
        "a year earlier.",
        "2021-08-05",
    )
    assert ("a year earlier", "2020-Q4") in values


def test_times_a_year_earlier_after_a_year_ago_quarter_stays_the_reported_one(nlp: Language) -> None:
    """A year-ago quarter just before ('the year-ago quarter') is no new quarter to count back from:
    both name the quarter reported on, a year before."""
    values = _values(
        nlp,
        "Profit rose 5% in the third quarter, to more than in the year-ago quarter. Sales were flat "
        "against a year earlier.",
        "2021-10-27",
    )
    assert ("the year-ago quarter", "2020-Q3") in values
    assert ("a year earlier", "2020-Q3") in values
