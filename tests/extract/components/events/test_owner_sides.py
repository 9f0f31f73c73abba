"""Rule tests of the events component: a side that is a thing owned by an actor ("Turkish operations",
"the Egyptian findings") names its owner, the entity it is already linked to, in its text; a thing of
no entity (what an assault hit) and an actor noun keep their words."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import sides

Analyze = Callable[..., Analysis]


def test_owner_sides_a_demonym_owner_names_the_target(analyze_text: Analyze) -> None:
    protest = analyze_text("Activists protested against Turkish operations in the north.")
    assert sides(protest, "PROTEST") == [("Activists", "Turkish")]
    dismissed = analyze_text("Hamas dismissed the Egyptian findings as lies.")
    assert sides(dismissed, "REJECT") == [("Hamas", "Egyptian")]
    rejected = analyze_text("The minister rejected the Iranian claims as baseless.")
    assert sides(rejected, "REJECT") == [("The minister", "Iranian")]


def test_owner_sides_the_owner_keeps_its_entity(analyze_text: Analyze) -> None:
    opposes = analyze_text("The senator opposes French investment in the region.")
    event = next(e for e in opposes.events if e.type == "REJECT")
    assert event.target_text == "French"
    assert [e.name for e in opposes.entities if e.id in event.target] == ["French"]


def test_owner_sides_a_named_owner_of_a_craft(analyze_text: Analyze) -> None:
    accused = analyze_text("Seoul accused a North Korean patrol boat of crossing the maritime border.")
    assert sides(accused, "ACCUSE") == [("Seoul", "North Korean")]


def test_owner_sides_things_of_no_entity_and_actors_keep_their_words(analyze_text: Analyze) -> None:
    shelled = analyze_text("The rebels shelled the town's water plant.")
    assert sides(shelled, "ASSAULT") == [("The rebels", "town's water plant")]
    rammed = analyze_text("Militants attacked a Russian ship near the port.")
    assert sides(rammed, "ASSAULT") == [("Militants", "a Russian ship")]  # what an assault hit
    arrested = analyze_text("Police arrested two Pakistani officials at the airport.")
    assert sides(arrested, "COERCE") == [("Police", "two Pakistani officials")]
    criticized = analyze_text("Loyal Trump enthusiasts criticized the judge.")
    assert sides(criticized, "ACCUSE") == [("Loyal Trump enthusiasts", "the judge")]  # an agent noun
    offshoot = analyze_text("The candidates agreed to confront the al-Qaeda offshoot in Syria.")
    assert [t for _s, t in sides(offshoot, "AGREE")] == ["the al-Qaeda offshoot in Syria"]  # another group


def test_owner_sides_a_body_between_owner_and_thing_is_named_with_it(analyze_text: Analyze) -> None:
    """ "a Russian court ruling": the court is who acted, named with its country."""
    jailed = analyze_text(
        "The activists were angered by a Russian court ruling to jail the blogger Ivan Petrov."
    )
    assert sides(jailed, "COERCE") == [("Russian court", "the blogger Ivan Petrov")]


def test_owner_sides_a_possessor_is_named_with_its_title(analyze_text: Analyze) -> None:
    """ "Mr. Biden's legacy": Mr. Biden, without the possessive ending."""
    legacy = analyze_text("Both candidates promised to defend Mr. Biden's legacy.")
    assert sides(legacy, "AGREE") == [("Both candidates", "Mr. Biden")]
