"""Rule tests of the events component: a won vote told in the words of war is no event.

"Harlow captured Iowa", "had captured 820 delegates", "a poll shows Lang crushing Collins" report votes
won, not places seized or foes crushed. Captures and crushings by armed men, in a sentence of violence,
or of a place by a country stay events, in an election story too.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import confident_triggers

Analyze = Callable[..., Analysis]


def test_election_wins_a_state_captured_in_a_vote_is_no_occupation(analyze_text: Analyze) -> None:
    """A candidate who "captured Iowa by about 6,000 votes" won it; so in a report of a voting day."""
    text = "The Iowa caucuses were held on Monday. Senator Jane Harlow captured Iowa by about 6,000 votes."
    assert confident_triggers(analyze_text(text)) == []
    text = "Voters went to the polls in six states on Tuesday. Governor Tom Reed has captured Ohio and Utah."
    assert confident_triggers(analyze_text(text)) == []


def test_election_wins_delegates_captured_are_no_seizure(analyze_text: Analyze) -> None:
    """ "captured 820 delegates": delegates are won in a vote, never seized."""
    text = "The senator had captured 820 delegates before the primaries in the West."
    assert confident_triggers(analyze_text(text)) == []


def test_election_wins_a_rival_crushed_in_a_poll_is_no_repression(analyze_text: Analyze) -> None:
    """ "a poll shows Lang crushing Collins": a lead over a rival, no one repressed."""
    text = "A new poll shows Peter Lang crushing Mary Collins in the Lone Star State."
    assert confident_triggers(analyze_text(text)) == []


def test_election_wins_force_in_an_election_story_stays(analyze_text: Analyze) -> None:
    """Rebels who capture a town, soldiers who crush a rebellion, a country that captures a region, and an
    attack on a candidate stay events beside an election."""
    assert confident_triggers(
        analyze_text("Rebels captured the town of Bor as voters went to the polls.")
    ) == [("ASSAULT", "captured")]
    assert confident_triggers(analyze_text("Soldiers crushed the rebellion before the election.")) == [
        ("COERCE", "crushed")
    ]
    text = "Russia captured Crimea in 2014, the candidate said in the debate."
    assert ("COERCE", "captured") in confident_triggers(analyze_text(text))
    text = "Gunmen attacked the campaign rally of the candidate, killing two supporters."
    assert ("ASSAULT", "attacked") in confident_triggers(analyze_text(text))


def test_election_wins_a_home_state_captured_in_a_live_report(analyze_text: Analyze) -> None:
    """ "his home state of Nevada": a state named after "of"; the vote told three sentences before."""
    text = (
        "Senator Ann Kell is celebrating her victories in the primary elections. She spoke in Reno. "
        "Governor Tom Reed won Utah and Idaho. Ann Kell has captured Oregon and her home state of Nevada."
    )
    assert confident_triggers(analyze_text(text)) == []
