"""Tests of `_quantities_names`: a bare number that begins a name written after it is no count."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Engineers said the 777 Freighter will fly again in spring.", "777"),
        ("The pastor read aloud from 2 Samuel at the funeral.", "2"),
        ("Volunteers met at 412 Larchmont Boulevard before the march.", "412"),
        ("Voters rallied behind the Raise to 20 Campaign, organisers said.", "20"),
    ],
)
def test_quantities_number_beginning_a_name_is_no_count(analyze_text: Analyze, text: str, name: str) -> None:
    a = analyze_text(text, clean=False)
    assert not [q for q in a.quantities if q.text.startswith(name)], [q.text for q in a.quantities]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The airline ordered 40 Airbus A321 jets and 12 Embraer aircraft last year.", 40.0),
        ("The ministry flew 300 Bolivian students home from the capital.", 300.0),
        ("Nearly 2,000 Hazara crossed the river overnight.", 2000.0),
        ("Tour guides reported 25 Canadians stranded at the border.", 25.0),
        ("The engine makes 350 PS at full throttle.", 350.0),
        ("Reporters met one Dayton, Ohio, teacher after the vote.", 1.0),
        ("One Department of Energy report was leaked to the press.", 1.0),
        ("Volunteers knocked on doors in five Super Tuesday states, aides said.", 5.0),
        ("Shops sold a dozen Lego-themed advent calendars before noon.", 12.0),
        ("Mayor Reveals The 1 Street She Wants Closed To Cars.", 1.0),
    ],
)
def test_quantities_count_before_capitalised_words_stays(
    analyze_text: Analyze, text: str, value: float
) -> None:
    a = analyze_text(text, clean=False)
    assert value in [q.value for q in a.quantities], [(q.text, q.value) for q in a.quantities]
    for q in a.quantities:
        assert a.text[q.start : q.end] == q.text
