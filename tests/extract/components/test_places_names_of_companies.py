"""Tests of names the article uses as a company's, which are no places (`_places_companies`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _starts(analysis: Analysis) -> set[int]:
    return {m.start for p in analysis.places for m in p.mentions}


def test_places_a_name_owning_a_company_noun_is_a_company(analyze_text: Analyze) -> None:
    text = (
        "The founder of Amazon spoke at a conference in Boston on Monday. Amazon's stock rose 3 percent "
        "after the talk, and Lincoln's stock price fell. Lincoln sells insurance in Ohio. Scientists "
        "warned that fires in the Amazon rainforest were spreading again."
    )
    analysis = analyze_text(text, clean=False)
    starts = _starts(analysis)
    assert text.index("Amazon") not in starts  # the founder of Amazon: the company
    assert text.index("Amazon's") not in starts  # Amazon's stock
    assert text.index("Lincoln") not in starts  # Lincoln's stock price: the insurer
    assert text.index("Lincoln sells") not in starts
    assert text.index("Amazon rainforest") in starts  # the region
    assert text.index("Boston") in starts


def test_places_a_name_linked_to_a_known_company_is_no_town(analyze_text: Analyze) -> None:
    text = (
        "Toyota reported a quarterly loss on Thursday as sales fell in Europe and North America. "
        "Toyota plans to cut output at two plants in Kentucky, and its oldest factory stands in "
        "Toyota, Aichi."
    )
    analysis = analyze_text(text, clean=False)
    starts = _starts(analysis)
    assert text.index("Toyota") not in starts  # the carmaker, linked to the known company
    assert text.index("Toyota plans") not in starts
    assert text.rindex("Toyota") in starts  # in Toyota, Aichi: the city
    assert text.index("Kentucky") in starts


def test_places_a_country_owning_a_company_noun_stays_a_place(analyze_text: Analyze) -> None:
    text = "Japan's shareholders lost money when the market fell, and Canada's stock exchange closed early."
    starts = _starts(analyze_text(text, clean=False))
    assert text.index("Japan") in starts
    assert text.index("Canada") in starts


def test_places_a_name_with_a_business_noun_after_it_is_a_company(analyze_text: Analyze) -> None:
    text = (
        "Lincoln, the insurer, said on Monday that its sales in Ohio rose. Lincoln also sells annuities "
        "in Texas. Pershing Square is a major shareholder in Valeant, which has offices in Laval, Quebec."
    )
    starts = _starts(analyze_text(text, clean=False))
    assert text.index("Lincoln") not in starts  # "Lincoln, the insurer"
    assert text.index("Lincoln also") not in starts
    assert text.index("Valeant") not in starts  # a shareholder in Valeant
    assert text.index("Ohio") in starts
    assert text.index("Laval") in starts
