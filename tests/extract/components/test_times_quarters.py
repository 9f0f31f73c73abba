"""Tests of the quarters of the times component: the quarter a year-ago value refers to."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from newsgraph.extract.components.times import Times
from newsgraph.extract.extensions import get_times, set_published
from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


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


def test_times_the_same_period_a_year_back_is_the_period_just_named(nlp: Language) -> None:
    """'the same period last year' after a month is that month a year back, after a half that half,
    after a span of months ('the first eight months') the year before; after a quarter, the quarter."""
    values = _values(
        nlp,
        "Car sales rose 12% in June 2015, compared with the same period last year.",
        "2015-07-09",
    )
    assert ("the same period last year", "2014-06") in values
    values = _values(
        nlp,
        "Exports fell in the first half of 2016, as they did in the year-ago period.",
        "2016-08-02",
    )
    assert ("the year-ago period", "2015-H1") in values
    values = _values(
        nlp,
        "For the first eight months, visits were up from the 2012 period, and up 4% from the "
        "corresponding period a year earlier.",
        "2013-09-20",
    )
    assert ("the 2012 period", "2012") in values
    values = _values(nlp, "Profit rose in the second quarter from the year-ago period.", "2013-08-01")
    assert ("the year-ago period", "2012-Q2") in values


def test_times_a_quarter_of_last_or_this_year(nlp: Language) -> None:
    """'the first quarter of last year' is one expression: the quarter of the year before the
    publication date."""
    values = _values(
        nlp,
        "The bank lost $2 billion in the third quarter of this year. In the first quarter of last "
        "year, it had a profit.",
        "2014-10-20",
    )
    assert values == [
        ("the third quarter of this year", "2014-Q3"),
        ("the first quarter of last year", "2013-Q1"),
    ]


def test_times_last_year_of_a_quarter_counts_from_the_publication_date(analyze_text: Analyze) -> None:
    """In a January report on the fourth quarter, 'the fourth quarter of last year' is that same
    quarter: 'last year' counts from the publication date, not from the quarter reported on."""
    a = analyze_text(
        "The airline said it made a profit in the fourth quarter. Its sales in the fourth quarter of "
        "last year rose 4%.",
        published="2015-01-22",
        clean=False,
    )
    values = [(t.text, t.value) for t in a.times]
    assert values == [("the fourth quarter", "2014-Q4"), ("the fourth quarter of last year", "2014-Q4")]
