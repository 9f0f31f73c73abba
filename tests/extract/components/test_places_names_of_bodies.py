"""Tests of place names inside the names of offices and ships (`_places_offices`, `_places_vessels`)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.places import place_at

Analyze = Callable[..., Analysis]


def test_places_a_toponym_in_an_office_name_is_no_place_of_the_story(analyze_text: Analyze) -> None:
    text = (
        "Interest rates were left unchanged by the Bank of Norway on Thursday, and the Danish National "
        "Bank followed. The Kerala Water Resources Board closed two dams, the Tourism Authority of "
        "Portugal cut its forecast and the Ohio Department of Transportation shut a bridge near Akron."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("Norway", "Danish", "Kerala", "Portugal", "Ohio"):
        place = place_at(analysis, text.index(name))  # still a toponym, with its point
        assert not place.literal and place.lat is not None, name
    assert place_at(analysis, text.index("Akron")).literal  # the bridge near Akron is a place


def test_places_a_toponym_in_the_name_of_armed_forces_or_a_centre_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "The Peruvian Army flew food to Cusco on Monday, and the U.S. Centers for Disease Control and "
        "Prevention sent two doctors. The Chilean Air Force and the Brazilian Navy joined the effort, the "
        "United States Southern Command said."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("Peruvian", "U.S.", "Chilean", "Brazilian", "United States"):
        place = place_at(analysis, text.index(name))  # still a toponym, with its point
        assert not place.literal and place.lat is not None, name
    assert place_at(analysis, text.index("Cusco")).literal  # where the food went is a place


def test_places_a_country_named_as_such_stays_a_place(analyze_text: Analyze) -> None:
    text = "Floods hit Norway on Monday. The Bank of Norway said the damage in Norway was large."
    analysis = analyze_text(text, clean=False)
    assert place_at(analysis, text.index("Norway")).literal
    assert place_at(analysis, text.rindex("Norway")).literal
    bank = place_at(analysis, text.index("Bank of Norway") + len("Bank of "))
    assert not bank.literal


def test_places_a_ship_named_for_a_town_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "A British destroyer, the HMS Glasgow, docked in Lisbon on Friday, and the frigate USS Denver "
        "sailed for Manila."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("Glasgow", "Denver"):
        place = place_at(analysis, text.index(name))
        assert not place.literal, name
    assert place_at(analysis, text.index("Lisbon")).literal
    assert place_at(analysis, text.index("Manila")).literal


def test_places_a_branch_named_for_a_country_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "Siemens reported higher profits on Tuesday. Siemens Brazil said it would cut 200 jobs at "
        "its plant in Curitiba."
    )
    analysis = analyze_text(text, clean=False)
    assert not place_at(analysis, text.index("Brazil")).literal  # the company's Brazilian arm
    assert place_at(analysis, text.index("Curitiba")).literal


def test_places_a_small_town_of_another_country_than_its_passage_is_a_guess(analyze_text: Analyze) -> None:
    text = (
        "A Denver engineering firm said on Monday that it would pay for the damage. Last week floods "
        "struck the province of Cajamarca, in Peru, and mud covered houses in the hamlets of San Juan "
        "and Magdalena."
    )
    analysis = analyze_text(text, clean=False)
    san_juan = place_at(analysis, text.index("San Juan"))
    assert san_juan.country != "US"  # not San Juan, Texas: unresolved or in Peru
    assert place_at(analysis, text.index("Cajamarca")).country == "PE"
    assert place_at(analysis, text.index("Denver")).country == "US"


def test_places_a_toponym_in_an_institute_academy_or_broadcaster_name_is_no_place(
    analyze_text: Analyze,
) -> None:
    text = (
        "Experts at the Jakarta Institute of Policy Studies said the plan would fail, and a fellow of the "
        "Norwegian Council on Foreign Relations agreed. Students of the Chicago Academy of Sciences marched "
        "on Monday, and Kenya Television filmed the march in Lisbon."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("Jakarta", "Norwegian", "Chicago", "Kenya"):
        place = place_at(analysis, text.index(name))  # still a toponym, with its point
        assert not place.literal and place.lat is not None, name
    assert place_at(analysis, text.index("Lisbon")).literal  # where the march was filmed is a place


def test_places_a_toponym_after_a_bodys_name_names_its_branch(analyze_text: Analyze) -> None:
    text = (
        "The lessons were written by Japan Society Ohio, which also runs a summer camp in Dayton. "
        "Money came from the Asia Foundation Nepal and from a club in Kathmandu."
    )
    analysis = analyze_text(text, clean=False)
    for name in ("Ohio", "Nepal"):
        place = place_at(analysis, text.index(name))  # the branch's name, with its point
        assert not place.literal and place.lat is not None, name
    assert place_at(analysis, text.index("Dayton")).literal
    assert place_at(analysis, text.index("Kathmandu")).literal


def test_places_a_toponym_in_a_union_of_states_or_parties_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "Leaders of the East African Community met in Arusha on Friday. The Southern African Development "
        "Community sent observers, and the Alliance of Sahel States walked out of the talks."
    )
    analysis = analyze_text(text, clean=False)
    names = {p.name for p in analysis.places}
    assert {"Africa", "Sahel"} <= names  # still toponyms, with their points
    for place in analysis.places:
        assert place.literal == (place.name == "Arusha"), place.name
    assert place_at(analysis, text.index("Arusha")).literal  # where they met is a place


def test_places_a_newspaper_named_in_capitals_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "The mayor of Denver told USA TODAY on Tuesday that the plan would pass. A USA TODAY analysis of "
        "the budget found a gap, and she told USA Today that the United States must help."
    )
    analysis = analyze_text(text, clean=False)
    for i in (text.index("USA TODAY"), text.rindex("USA TODAY"), text.index("USA Today")):
        assert not place_at(analysis, i).literal, i
    assert place_at(analysis, text.index("United States")).literal
    assert place_at(analysis, text.index("Denver")).literal


def test_places_an_organisation_named_again_in_short_is_no_place(analyze_text: Analyze) -> None:
    text = (
        "The lettuce was packed by Salinas Valley Growers LLC and sold in Texas. A spokesman said "
        "Salinas Valley Growers had stopped shipping, and the Bristol Water Company said its tanks were "
        "clean. Bristol Water said on Friday that farms in Salinas were being checked."
    )
    analysis = analyze_text(text, clean=False)
    for i in (text.index("Salinas"), text.index("Salinas", text.index("said")), text.rindex("Bristol")):
        assert not place_at(analysis, i).literal, text[i : i + 20]
    assert place_at(analysis, text.index("Texas")).literal
    assert place_at(analysis, text.rindex("Salinas")).literal  # farms in Salinas: a place
