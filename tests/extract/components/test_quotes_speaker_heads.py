"""Rule test of the quotes component: a speaker phrase is its head's entity, not a place inside it.

"The foreign ministry of Norway said …" is a ministry speaking and "The Mayor of Bergen declared …" a
mayor: the place in the phrase's modifier is no name mention of the speaker and not the quote's
speaker; "Ranchers near Paris, Kentucky, said …" are a group of people, capitalised only as the
sentence's first word. A name is still its entity ("Mayor Jane Porter of Bergen")."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis, Entity

Analyze = Callable[..., Analysis]


def _speaker(a: Analysis) -> Entity | None:
    (quote,) = a.quotes
    return next((e for e in a.entities if e.id == quote.speaker), None)


def _place_mentions(a: Analysis, name: str) -> list[str]:
    return [m.text for e in a.entities if e.name == name for m in e.mentions]


def test_quotes_speaker_heads_ministry_of_a_country_is_not_the_country(analyze_text: Analyze) -> None:
    a = analyze_text("The foreign ministry of Norway said on Monday that two diplomats had been expelled.")
    speaker = _speaker(a)
    assert speaker is None or speaker.name != "Norway"
    assert _place_mentions(a, "Norway") == ["Norway"]


def test_quotes_speaker_heads_title_of_a_city_is_not_the_city(analyze_text: Analyze) -> None:
    a = analyze_text("The Mayor of Bergen declared an emergency for the city on Friday.")
    speaker = _speaker(a)
    assert speaker is None or speaker.name != "Bergen"
    assert _place_mentions(a, "Bergen") == ["Bergen"]
    assert [p.name for p in a.places] == ["Bergen"]  # a description's words are no person's name


def test_quotes_speaker_heads_people_of_a_nation_before_a_body(analyze_text: Analyze) -> None:
    a = analyze_text("The Norwegian ministry of fisheries said the quotas would be cut by a third.")
    speaker = _speaker(a)
    assert speaker is None or speaker.type != "NORP"


def test_quotes_speaker_heads_sentence_initial_group_is_no_name(analyze_text: Analyze) -> None:
    a = analyze_text("Ranchers near Paris, Kentucky, said the drought had cost them their herds.")
    speaker = _speaker(a)
    assert speaker is None or speaker.name != "Paris"
    assert _place_mentions(a, "Paris") == ["Paris"]


def test_quotes_speaker_heads_titled_name_keeps_the_person(analyze_text: Analyze) -> None:
    a = analyze_text("Mayor Jane Porter of Bergen said the harbour would reopen next week.")
    speaker = _speaker(a)
    assert speaker is not None and speaker.name == "Jane Porter"


def test_quotes_speaker_heads_description_beside_a_name_is_the_person(analyze_text: Analyze) -> None:
    a = analyze_text("Norway's Minister of Fisheries, Dr. Kari Lund, said the quotas would be cut.")
    speaker = _speaker(a)
    assert speaker is not None and speaker.name == "Kari Lund"
