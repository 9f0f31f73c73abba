"""Property tests (hypothesis): for any input the cleaner and the components never raise, every
span lies inside the text and quotes it exactly, and every Analysis validates against the
published JSON Schema.

Texts are drawn two ways: arbitrary Unicode (control characters, surrogate-free astral planes,
lone combining marks, bidi controls) and news-like text assembled from fragments that exercise
every component — names, titles, quotation marks of every kind (balanced or not), numbers,
currencies, dates, places, bylines and boilerplate lines — joined by any kind of line break.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.extract.clean import clean_text
from newsgraph.models import Analysis
from tests.support.checks import schema_errors, span_violations

MAX_EXAMPLES = 60


NAMES = ["Amina Yusuf", "Mr. O’Neill", "Dr. Jean-Luc Picard", "the Ministry of Health", "Hamas", "he", "she"]
TITLES = ["Prime Minister", "spokeswoman", "chief executive of Acme Corp.", "the Taliban's Supreme Leader"]
CUES = ["said", "told reporters", "added", "according to", "warned", "denied that", "insisted"]
QUOTES = ["“", "”", '"', "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」", "''", "``"]
NUMBERS = ["244", "1,200", "3.5 million", "$40bn", "€12", "nearly 300", "40%", "two-thirds", "10-15", "½"]
TIMES = ["on Sunday", "last week", "in 2021", "July 18", "2021-07-18", "yesterday", "next month", "at 3 p.m."]
PLACES = ["Doha", "Springfield, Ill.", "Kabul", "New York", "Côte d’Ivoire", "the West Bank"]
JUNK = [
    "Advertisement",
    "Share this article",
    "Read more:",
    "© 2024 Daily Test",
    "By JANE ROE",
    "LONDON (AP) —",
]
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", " "]
ODD = ["\x00", "\ufeff", "\u200b", "\u202e", "\u0301", "\U0001f600", "\ud7ff", "\t", "&amp;", "<p>", "…", "—"]

fragment = st.one_of(
    st.sampled_from(NAMES),
    st.sampled_from(TITLES),
    st.sampled_from(CUES),
    st.sampled_from(QUOTES),
    st.sampled_from(NUMBERS),
    st.sampled_from(TIMES),
    st.sampled_from(PLACES),
    st.sampled_from(JUNK),
    st.sampled_from(BREAKS),
    st.sampled_from(ODD),
    st.sampled_from([".", ",", ";", ":", "?", "!", "(", ")", "-", " ", " ", " "]),
    st.text(min_size=1, max_size=12),
)
newsy_text = st.lists(fragment, min_size=1, max_size=120).map(" ".join)
any_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=400
)
texts = st.one_of(newsy_text, any_text)

COMMON = settings(
    max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


@COMMON
@given(text=texts)
def test_invariants_cleaner_never_raises_and_keeps_offsets(text: str) -> None:
    cleaned = clean_text(text)
    assert isinstance(cleaned.text, str)
    for removed in cleaned.removed:
        assert 0 <= removed.start < removed.end <= len(text), removed
    assert len(cleaned.text) <= len(text)


@pytest.fixture(scope="module")
def run(analyze_text: Callable[..., Analysis]) -> Callable[[str, bool], Analysis | None]:
    """Analyze a text; None when it is rejected as input (empty after cleaning, not English)."""
    from newsgraph.errors import InputError

    def analyze(text: str, clean: bool) -> Analysis | None:
        try:
            return analyze_text(text, published="2021-07-18", clean=clean)
        except InputError:
            return None

    return analyze


@COMMON
@given(text=texts, clean=st.booleans())
def test_invariants_components_never_raise_and_spans_hold(
    run: Callable[[str, bool], Analysis | None], text: str, clean: bool
) -> None:
    analysis = run(text, clean)  # ExtractionError (a component raised) fails the test
    if analysis is None:
        return
    assert span_violations(analysis, text if clean else None) == []
    assert schema_errors(analysis) == []
    assert Analysis.from_json(analysis.to_json()) == analysis


def test_invariants_checker_catches_a_broken_span() -> None:
    """The checker itself must fail on a span whose text or bounds are wrong."""
    good = Analysis.model_validate(
        {
            "id": "x",
            "hash": "h",
            "text": "Mayor Roe said no.",
            "quotes": [{"id": "q1", "kind": "indirect", "start": 15, "end": 17, "text": "no"}],
        }
    )
    assert span_violations(good) == []
    bad = good.model_copy(update={"quotes": [good.quotes[0].model_copy(update={"end": 18})]})
    assert span_violations(bad) != []
    outside = good.model_copy(update={"quotes": [good.quotes[0].model_copy(update={"end": 99})]})
    assert span_violations(outside) != []
