"""Tests of a US state's name said with its offices, votes and seats (`_places_state_words`), and of
newspapers' hyphened names (`_places_detect`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


def _state_at(analysis: Analysis, start: int) -> bool:
    place = place_at(analysis, start)
    return place.feature == "admin1" and place.country == "US"


def test_places_a_state_said_with_its_votes_seats_and_senators(analyze_text: Analyze) -> None:
    text = (
        "The mayor of Buffalo backed her ahead of the New York primary. Polls before New York's "
        "closed Tuesday primary showed a close race. Rep. Ann Doe, a Democrat from New York, was "
        "re-elected in New York's 21st congressional district. Smith won the Republican primary in "
        "New York, and the race moved to New York, a state she had long courted."
    )
    analysis = analyze_text(text, clean=False)
    for at in (
        text.index("New York primary"),
        text.index("New York's closed"),
        text.index("New York, was"),
        text.index("New York's 21st"),
        text.index("New York, and"),
        text.index("New York, a state"),
    ):
        assert _state_at(analysis, at), text[at : at + 30]


def test_places_the_city_keeps_its_own_words(analyze_text: Analyze) -> None:
    text = (
        "The former New York mayor spoke on Monday. Voters in Albany and Buffalo went to the polls, "
        "and she flew to New York, the state's largest city. Sanders vowed to fight in the nation's "
        "last presidential primary in Washington, where the District votes on Tuesday."
    )
    analysis = analyze_text(text, clean=False)
    assert not _state_at(analysis, text.index("New York mayor"))
    assert not _state_at(analysis, text.index("New York, the state's"))
    capital = place_at(analysis, text.index("Washington"))
    assert capital.admin1 == "District of Columbia"  # the District holds its own primary


def test_places_a_newspapers_hyphened_name_is_no_place_of_the_story(analyze_text: Analyze) -> None:
    text = (
        "A Denver Post-CBS poll found the race tied in Florida, the Atlanta Journal-Constitution "
        "reported, and talks on the Washington-Seoul alliance went on in Washington. The Houston "
        "Chronicle-Telemundo survey agreed."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("Denver", "Atlanta", "Houston"):
        place = place_at(analysis, text.index(name))
        assert not place.literal and place.lat is not None, name  # a toponym, with its point
    assert place_at(analysis, text.index("Washington-Seoul")).literal


def test_places_a_town_shared_by_several_states_is_the_one_of_the_state_named_near_it(
    analyze_text: Analyze,
) -> None:
    text = (
        "The senator toured Missouri on Friday. At a town hall in Springfield, she spoke about farm "
        "prices. Later in the week she flew to Nashua, New Hampshire, and then held a rally in Hudson "
        "before the New Hampshire vote. Ohio and Illinois vote later. Delegates head to the "
        "convention in Cleveland, said Sen. Jane Roe of Texas."
    )
    analysis = analyze_text(text, clean=False)
    assert place_at(analysis, text.index("Springfield")).admin1 == "Missouri"
    assert place_at(analysis, text.index("Hudson")).admin1 == "New Hampshire"
    assert place_at(analysis, text.index("Ohio")).admin1 == "Ohio"
    assert place_at(analysis, text.index("Cleveland")).admin1 == "Ohio"  # no small Cleveland of Texas
