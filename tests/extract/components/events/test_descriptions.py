"""Rule tests of the events component: a definite description stands for the parties named before it.

"The two presidents", "both countries", "the three nations" stand for the title-holders or countries the
article named in the phrase's sentence or the one before, when exactly as many fit; "the judge" is the
one person named before it with that title; a description an apposition names is the person named.
Otherwise the description stays as it is."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import EVENT_MIN_CONFIDENCE, Analysis, Event

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis, type_: str) -> list[Event]:
    return [e for e in analysis.events if e.type == type_]


def test_counted_title_holders_are_the_two_named_before(analyze_text: Analyze) -> None:
    """ "The two presidents" are the two presidents the sentence before names (no meeting between them)."""
    a = analyze_text(
        "Russian President Dmitri Volkov is courting President Ahmet Demir, analysts say. "
        "The two presidents are cooperating closely in Libya."
    )
    (coop,) = [e for e in _events(a, "COOPERATE") if e.confidence >= EVENT_MIN_CONFIDENCE]
    assert (coop.source_text, coop.target_text) == ("Dmitri Volkov", "Ahmet Demir")


def test_counted_countries_are_the_countries_named_before(analyze_text: Analyze) -> None:
    """ "both countries", "the three nations": the countries just named, all of them sources."""
    a = analyze_text(
        "Ghana and Togo have long disputed a stretch of their border. In 2019, both countries recalled "
        "their ambassadors."
    )
    (recall,) = _events(a, "SANCTION")
    assert recall.source_text == "Ghana ; Togo"
    b = analyze_text(
        "Chad, Niger and Mali left the bloc in January. The three nations accused it of failing."
    )
    (accuse,) = _events(b, "ACCUSE")
    assert accuse.source_text == "Chad ; Niger ; Mali"


def test_counted_description_without_as_many_named_stays(analyze_text: Analyze) -> None:
    """Fewer or more fitting names than the count, or "the other two": no guess."""
    a = analyze_text(
        "Chad, Niger, Benin and Mali left the bloc in January. The two nations accused it of failing."
    )
    assert [e.source_text for e in _events(a, "ACCUSE")] == ["The two nations"]
    b = analyze_text(
        "President Ahmet Demir spoke on Monday. The two presidents are cooperating closely in Libya."
    )
    assert [e.source_text for e in _events(b, "COOPERATE")] == ["The two presidents"]


def test_description_by_bare_title_is_its_one_holder(analyze_text: Analyze) -> None:
    """ "the judge" is the one person the article named before it with that very title."""
    a = analyze_text(
        "Judge Maria Ortiz opened the hearing on Monday. "
        "Prosecutors said gang members had threatened the judge."
    )
    (threat,) = _events(a, "THREATEN")
    assert threat.target_text == "Maria Ortiz"


def test_description_by_title_with_two_holders_or_words_of_its_own_stays(analyze_text: Analyze) -> None:
    """Two presidents named before, or "the next president": no one is picked."""
    a = analyze_text(
        "President Ahmet Demir and President Ali Kaya spoke. Gang members had threatened the president."
    )
    assert [e.target_text for e in _events(a, "THREATEN")] == ["the president"]
    b = analyze_text("President Ahmet Demir spoke. Gang members had threatened the next president.")
    assert [e.target_text for e in _events(b, "THREATEN")] == ["the next president"]


def test_description_by_title_with_a_place_is_the_holder_from_there(analyze_text: Analyze) -> None:
    """ "the Ohio senator" is the one senator named before it whose name phrase or role carries Ohio,
    even with another senator named; a place no named senator carries picks no one."""
    a = analyze_text(
        "Senator Paul Grant of Ohio and Senator Maria Lopez spoke at the rally on Friday. "
        "Gang members had threatened the Ohio senator."
    )
    assert [e.target_text for e in _events(a, "THREATEN")] == ["Paul Grant"]
    b = analyze_text(
        "Senator Paul Grant of Ohio and Senator Maria Lopez spoke at the rally on Friday. "
        "Gang members had threatened the Iowa senator."
    )
    assert [e.target_text for e in _events(b, "THREATEN")] == ["the Iowa senator"]


def test_description_an_apposition_names_is_that_person(analyze_text: Analyze) -> None:
    """ "the regional health minister, Clara Montes," is Clara Montes (the role kept as the side's text);
    "the senators, Paul Grant and Maria Lopez," are the two senators."""
    a = analyze_text("The regional health minister, Clara Montes, pledged on Friday to help the farmers.")
    (pledge,) = _events(a, "AGREE")
    names = {e.id: e.name for e in a.entities}
    assert pledge.source_text == "The regional health minister"  # the role as it reads (PLOVER's actor)
    assert [names[i] for i in pledge.source] == ["Clara Montes"]
    b = analyze_text("Two days later the senators, Paul Grant and Maria Lopez, accused the agency of lying.")
    (accuse,) = _events(b, "ACCUSE")
    assert accuse.source_text == "Paul Grant ; Maria Lopez"
    c = analyze_text(
        "Meanwhile, three members of the Senate — Paul Grant, Maria Lopez and Tom Reed — led a group of "
        "lawmakers in calling on the minister to act."
    )
    (call,) = _events(c, "REQUEST")
    assert call.source_text == "Paul Grant ; Maria Lopez ; Tom Reed"


def test_description_by_role_head_is_its_one_holder(analyze_text: Analyze) -> None:
    """ "the prosecutor" is the one person named with a role that "prosecutor" heads ("federal
    prosecutor"); a rank word of the role ("deputy minister") makes it another office than "the minister"."""
    a = analyze_text(
        "The case was opened by federal prosecutor Jane Hale on Monday. "
        "Police said gang members had threatened the prosecutor."
    )
    assert [e.target_text for e in _events(a, "THREATEN")] == ["Jane Hale"]
    b = analyze_text(
        "Police said Omar Said, a deputy minister, opened the hall on Monday. "
        "Police said gang members had threatened the minister."
    )
    assert [e.target_text for e in _events(b, "THREATEN")] == ["the minister"]
