"""Same-event evidence: which pairs of hand-written reports link, and why the others do not."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import orjson

from newsgraph.store.identity.members import article_members
from newsgraph.store.identity.rules import RuleSet
from newsgraph.store.stories.evidence import Evidence, compare
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


def _undated(text: str, *, title: str, entities: list[Any], quantities: list[Any], id: str) -> Features:
    """Features of an undated report set in Lagos (a resolved city), its sentences split at ". "."""
    towns = [("Lagos", "NG", 6.45, 3.39)]
    analysis = make_analysis(
        text,
        id=id,
        title=title,
        entities=[*entities, ("t1", "GPE", "Lagos", [])],
        quantities=quantities,
        places=towns,
    )
    data = orjson.loads(analysis.to_json())
    data["places"][0].update(geonameid=2332459, feature="city", admin1="Lagos State")
    ends = [at + 1 for at in range(len(text)) if text.startswith(". ", at)] + [len(text)]
    data["sentences"] = [
        {"start": start, "end": end}
        for start, end in zip([0, *(e + 1 for e in ends[:-1])], ends, strict=True)
    ]
    return article_features(data, article_members(data, RuleSet()), None)


CHOLERA: list[Any] = [
    ("e1", "DISEASE", "cholera", []),
    ("e2", "ORG", "Nigeria Centre for Disease Control", []),
]


def _cholera(cases: str, value: float, *, id: str, later: str = "") -> Features:
    text = (
        f"A cholera outbreak in Lagos has sickened {cases} people, the Nigeria Centre for Disease Control "
        f"said. Health workers in Lagos are treating the sick in tents and urging residents to boil water. "
        f"Schools stay open.{later}"
    )
    return _undated(
        text,
        title="Cholera outbreak spreads in Lagos",
        entities=CHOLERA,
        quantities=[(f"{cases} people", value, "people", None)],
        id=id,
    )


def test_stories_evidence_undated_ledes_counting_tenfold_apart_are_two_moments() -> None:
    early, late = _cholera("120", 120, id="a"), _cholera("1,500", 1500, id="b")
    assert early.tallies == {(120.0, "people")}
    evidence = compare(early, late)
    assert evidence.conflict == "tally" and not evidence.links
    dated = compare(replace(early, day="2021-08-01"), replace(late, day="2021-08-02"))
    assert dated.conflict is None and dated.links  # a date tells two moments apart itself
    assert compare(early, _cholera("150", 150, id="c")).links  # a toll that grows within days
    # a count past the lede (an earlier outbreak's) is no tally of the report
    text = (
        "A cholera outbreak in Lagos has sickened many people, the Nigeria Centre for Disease Control "
        "said. Health workers in Lagos are treating the sick in tents and urging residents to boil water. "
        "Schools stay open. In 2010 cholera sickened 1,500 people."
    )
    history = _undated(
        text,
        title="Cholera outbreak spreads in Lagos",
        entities=CHOLERA,
        quantities=[("1,500 people", 1500, "people", None)],
        id="d",
    )
    assert history.tallies == frozenset() and history.numbers == {(1500.0, "people")}
    assert compare(early, history).links


def _emergency(official: str, role: str, *, id: str, also: str = "", named: list[Any] = ()) -> Features:  # type: ignore[assignment]
    text = (
        f"{role} {official} declared a state of emergency over the flooding in Lagos on Monday. "
        f"The declaration frees money for shelters in Lagos and lets the army help with rescues.{also} "
        "Rain is expected to continue."
    )
    return _undated(
        text,
        title="State of emergency declared over Lagos flooding",
        entities=[
            ("e1", "PERSON", official, [official.split()[-1]]),
            ("e2", "ORG", "Nigerian Army", ["army"]),
            *named,
        ],
        quantities=[],
        id=id,
    )


def test_stories_evidence_undated_ledes_naming_different_people_are_two_events() -> None:
    governor = _emergency("Babajide Sanwo-Olu", "Governor", id="a")
    president = _emergency("Bola Tinubu", "President", id="b")
    assert governor.actors and president.actors
    evidence = compare(governor, president)
    assert evidence.conflict == "actors" and not evidence.links
    assert compare(replace(governor, day="2021-08-01"), replace(president, day="2021-08-01")).links
    # the other article naming one of them, even spelt apart ("Bola A. Tinubu"), is the same event
    aid = " Bola A. Tinubu sent aid."
    both = _emergency(
        "Babajide Sanwo-Olu", "Governor", id="c", also=aid, named=[("e3", "PERSON", "Bola A. Tinubu", [])]
    )
    assert compare(both, president).conflict is None and compare(both, president).links


def test_stories_evidence_a_score_meeting_its_bound_exactly_links() -> None:
    # 3 x cosine 0.3 is 0.8999999999999999 in floats, and 2.6 + 0.4 x 3 is 3.8000000000000003
    ministers = Evidence(
        entities=2.4, shared_entities=6, terms=0.3, headline=0, places=1, numbers=0, events=0, days=1
    )
    assert ministers.links
    three_days = Evidence(
        entities=2.0, shared_entities=2, terms=0.6, headline=0, places=0, numbers=0, events=0, days=3
    )
    assert three_days.score == 3.8 and three_days.what >= 0.9
    assert three_days.links


AGENCY: list[Any] = [
    ("e1", "ORG", "Nigerian Food Safety Agency", ["the agency"]),
    ("e2", "DISEASE", "salmonella", []),
]


def _warning(product: str, *, id: str, title: str | None = None) -> Features:
    text = (
        f"The Nigerian Food Safety Agency warned consumers in Lagos not to eat {product} after salmonella "
        f"was found in samples from markets. Shoppers should throw away any {product} bought this month, "
        f"the Nigerian Food Safety Agency said, and shops must remove them. Consumers who fall ill should "
        f"see a doctor; the agency is tracing the suppliers."
    )
    return _undated(
        text,
        title=title or f"Food agency warning on {product} after salmonella found",
        entities=AGENCY,
        quantities=[],
        id=id,
    )


def test_stories_evidence_warnings_about_two_products_are_two_recalls() -> None:
    almonds, mangoes = _warning("almonds", id="a"), _warning("mangoes", id="b")
    assert almonds.focus == {fold("almonds")} and mangoes.focus == {fold("mangoes")}
    evidence = compare(almonds, mangoes)
    assert evidence.what >= 0.9 and evidence.score >= 2.6  # the same agency, germ, town and words
    assert evidence.conflict == "focus" and not evidence.links
    # another report of the almond warning, its object put another way, is the same recall
    again = _warning("almonds", id="c", title="Salmonella-tainted almonds pulled from Lagos shops")
    assert again.focus == {fold("salmonella-tainted"), fold("almonds")}
    assert compare(almonds, again).conflict is None and compare(almonds, again).links
    # a report whose headline names no recalled object is not told apart by it
    plain = _warning("mangoes", id="d", title="Salmonella found in Lagos market samples")
    assert plain.focus == frozenset() and compare(almonds, plain).conflict is None


def _county_report(text: str, *, title: str, id: str) -> Features:
    """Features of an undated report set in Kent, a county the gazetteer knows by name only."""
    analysis = make_analysis(
        text,
        id=id,
        title=title,
        entities=[
            ("e1", "DISEASE", "bluetongue", []),
            ("e2", "ORG", "Animal and Plant Health Agency", ["the agency"]),
            ("t1", "GPE", "Kent", []),
        ],
        places=[("Kent", "GB", 51.2, 0.7)],
    )
    data = orjson.loads(analysis.to_json())
    data["places"][0].update(geonameid=None, feature="admin2", admin1=None)
    return article_features(data, article_members(data, RuleSet()), None)


def test_stories_evidence_undated_reports_sharing_a_county_are_placed() -> None:
    found = _county_report(
        "The Animal and Plant Health Agency found bluetongue in sheep on a farm in Kent. The agency "
        "set a control zone around the farm and banned moving sheep out of the zone.",
        title="Bluetongue found in sheep on Kent farm",
        id="a",
    )
    culled = _county_report(
        "Sheep with bluetongue on the farm in Kent were culled, the Animal and Plant Health Agency said; "
        "the control zone around the farm stays and moving sheep out of the zone is still banned.",
        title="Bluetongue sheep culled on Kent farm",
        id="b",
    )
    assert found.local == {"g:GB//kent"} and ("g:GB//kent", True) in found.places
    evidence = compare(found, culled)
    assert evidence.local == 1 and evidence.links
