"""Same-event evidence: which pairs of hand-written reports link, and why the others do not."""

from __future__ import annotations

from typing import Any

import orjson

from newsgraph.store.identity.members import article_members
from newsgraph.store.identity.rules import RuleSet
from newsgraph.store.stories.evidence import compare
from newsgraph.store.stories.features import Features, article_features, fold
from tests.support.store import make_analysis


def _features(text: str, *, title: str, day: str | None, entities: list[Any], id: str = "a") -> Features:
    analysis = make_analysis(text, id=id, title=title, published=day, entities=entities)
    data = orjson.loads(analysis.to_json())
    return article_features(data, article_members(data, RuleSet()), day)


INDICES = [
    ("e1", "INDEX", "Dow Jones Industrial Average", ["Dow"]),
    ("e2", "INDEX", "FTSE 100", []),
    ("e3", "ORG", "Federal Reserve", []),
]
MONDAY = (
    "Stock markets worldwide fell sharply as banks lost value. The Dow fell 500 points and the "
    "FTSE 100 dropped 4 percent after the Federal Reserve held rates; traders sold bank shares."
)
TUESDAY = (
    "Stock markets worldwide continued to fall as banks lost more value. The Dow dropped 300 points "
    "and the FTSE 100 fell 2 percent; traders sold bank shares after the Federal Reserve spoke."
)


def test_stories_evidence_market_reports_of_two_days_stay_apart() -> None:
    monday = _features(MONDAY, title="Markets fall sharply", day="2008-10-06", entities=INDICES)
    tuesday = _features(TUESDAY, title="Markets continue to fall", day="2008-10-07", entities=INDICES)
    assert monday.genre == tuesday.genre == "market"
    evidence = compare(monday, tuesday)
    assert evidence.what > 1.0 and evidence.shared_entities >= 2  # they read alike
    assert not evidence.links  # but report two trading days
    same_day = _features(TUESDAY, title="Markets continue to fall", day="2008-10-06", entities=INDICES)
    assert compare(monday, same_day).links


CANDIDATES = [
    ("e1", "PERSON", "Hillary Clinton", ["Clinton"]),
    ("e2", "PERSON", "Bernie Sanders", ["Sanders"]),
    ("e3", "PERSON", "Donald Trump", ["Trump"]),
    ("e4", "GPE", "Iowa", []),
]


def test_stories_evidence_the_same_people_alone_are_a_topic_not_an_event() -> None:
    rally = _features(
        "Hillary Clinton spoke to farmers in Iowa about water rights. Clinton said Bernie Sanders and "
        "Donald Trump ignore farmers; Sanders answered that Clinton changed her mind. Trump mocked both.",
        title="Clinton courts Iowa farmers",
        day="2016-01-20",
        entities=CANDIDATES,
    )
    donors = _features(
        "Bernie Sanders raised record sums from small donors in January. Sanders told supporters that "
        "Hillary Clinton relies on banks, and Donald Trump called the totals a fraud. Clinton declined "
        "comment.",
        title="Sanders breaks fundraising record",
        day="2016-01-21",
        entities=CANDIDATES,
    )
    evidence = compare(rally, donors)
    assert evidence.entities >= 2.0  # three central people in both
    assert not evidence.links
    rally_again = _features(
        "Hillary Clinton told farmers in Iowa that water rights matter. Bernie Sanders and Donald Trump "
        "ignore farmers, Clinton said at the rally, and Sanders answered her. Trump mocked the farmers' "
        "rally.",
        title="Clinton tells Iowa farmers water rights matter",
        day="2016-01-21",
        entities=CANDIDATES,
    )
    assert compare(rally, rally_again).links


def test_stories_evidence_incidents_numbered_differently_are_different_incidents() -> None:
    agency: list[Any] = [
        ("e1", "ORG", "Canadian Food Inspection Agency", []),
        ("e2", "DISEASE", "mad cow disease", []),
    ]
    fourth = _features(
        "The Canadian Food Inspection Agency confirmed mad cow disease in a cow in Alberta. It is the "
        "fourth case found in Canada; the cow did not enter the food chain.",
        title="New case of mad cow disease found in Canada",
        day=None,
        entities=agency,
    )
    eighth = _features(
        "The Canadian Food Inspection Agency confirmed the 8th case of mad cow disease in a cow in "
        "Alberta; the cow did not enter the food chain.",
        title="8th case of mad cow disease found in Canada",
        day=None,
        entities=agency,
    )
    assert fourth.numbered == {(4, fold("case"))} and eighth.numbered == {(8, fold("cases"))}
    assert compare(fourth, eighth).conflict == "numbered"
    assert not compare(fourth, eighth).links


def test_stories_evidence_outbreaks_of_two_diseases_are_two_events() -> None:
    salmonella = _features(
        "A salmonella outbreak linked to peppers has sickened 1,000 people in Texas, the Centers for "
        "Disease Control said.",
        title="Salmonella outbreak sickens 1,000",
        day="2008-07-08",
        entities=[("e1", "DISEASE", "salmonella", []), ("e2", "ORG", "Centers for Disease Control", [])],
    )
    coli = _features(
        "An E. coli outbreak linked to spinach has sickened 100 people in Texas, the Centers for "
        "Disease Control said.",
        title="E. coli outbreak sickens 100",
        day="2008-07-08",
        entities=[("e1", "DISEASE", "E. coli", []), ("e2", "ORG", "Centers for Disease Control", [])],
    )
    assert compare(salmonella, coli).conflict == "disease"
    assert not compare(salmonella, coli).links


def test_stories_evidence_running_reports_link_only_within_their_day() -> None:
    people = [("e1", "PERSON", "John Kasich", ["Kasich"]), ("e2", "GPE", "Ohio", [])]
    text = "John Kasich won the Ohio primary and all 66 delegates; Kasich thanked voters in Ohio."
    first = _features(text, title="The Latest: Kasich wins Ohio", day="2016-03-15", entities=people)
    later = _features(text, title="The Latest: Kasich in Ohio", day="2016-03-17", entities=people)
    assert first.genre == later.genre == "roundup"
    assert not compare(first, later).links
    assert compare(first, _features(text, title="The Latest: Ohio", day="2016-03-15", entities=people)).links


def test_stories_features_fold_inflections() -> None:
    assert {fold(w) for w in ("attacks", "attacked", "attacking", "attack")} == {"attack"}
    assert fold("dropped") == fold("dropping") == "drop"
    assert fold("killed") == fold("kills") == "kill"  # "ll" is no doubled ending
    assert fold("fell") != fold("falls")  # irregular forms stay apart
    assert fold("news") == "news"


def test_stories_evidence_two_days_polls_are_two_polls() -> None:
    people = [("e1", "PERSON", "Hillary Clinton", ["Clinton"]), ("e2", "PERSON", "Donald Trump", ["Trump"])]
    text = (
        "Hillary Clinton leads Donald Trump by five points among likely voters, the poll found; Trump trails."
    )
    monday = _features(text, title="New poll shows Clinton ahead of Trump", day="2016-07-14", entities=people)
    tuesday = _features(text, title="Latest poll: Clinton leads Trump", day="2016-07-15", entities=people)
    assert monday.genre == tuesday.genre == "poll"
    assert not compare(monday, tuesday).links
    same_day = _features(text, title="Clinton leads Trump in poll", day="2016-07-14", entities=people)
    assert compare(monday, same_day).links
