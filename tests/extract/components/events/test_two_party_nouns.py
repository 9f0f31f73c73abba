"""Rule tests of the events component: a two-party noun names both parties.

A noun of a relation, a meeting or a pact premodified by a hyphened pair of names or demonyms ("Chile-Peru
ties", "Dutch-Belgian relations") names both parties: an event acting on it acts on the two of them. A place
noun ("the Chile-Peru border") is no relation. An event noun so premodified has the pair as its two sides
("Danish-Norwegian cooperation": Danish with Norwegian). A titled head whose name goes on with "and" lists
a second person ("met Ghana's Foreign Minister Ama Boateng and Togolese President Kofi Mensah").
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis

Analyze = Callable[..., Analysis]


def _targets(analysis: Analysis, type_: str) -> list[str | None]:
    return [e.target_text for e in analysis.events if e.type == type_]


def test_two_party_nouns_an_act_on_a_hyphened_relation_targets_both_parties(analyze_text: Analyze) -> None:
    analysis = analyze_text("Some nationalist parties do not want to normalize Chile-Peru relations.")
    assert _targets(analysis, "REJECT") == ["Chile ; Peru"]
    analysis = analyze_text("The opposition party criticized the Norway-Sweden deal.")
    assert _targets(analysis, "ACCUSE") == ["Norway ; Sweden"]


def test_two_party_nouns_a_pair_of_demonyms_names_both_peoples(analyze_text: Analyze) -> None:
    analysis = analyze_text("The foreign minister praised Dutch-Belgian relations.")
    assert _targets(analysis, "SUPPORT") == ["Dutch ; Belgian"]


def test_two_party_nouns_an_event_noun_with_a_pair_of_demonyms_has_both_sides(analyze_text: Analyze) -> None:
    analysis = analyze_text("Analysts see closer Danish-Norwegian cooperation as a model.")
    sides = [(e.source_text, e.target_text) for e in analysis.events if e.type == "COOPERATE"]
    assert sides == [("Danish", "Norwegian")]


def test_two_party_nouns_a_border_is_a_place_not_a_relation(analyze_text: Analyze) -> None:
    analysis = analyze_text("Rebels attacked the Chile-Peru border post.")
    assert all(e.target_text != "Chile ; Peru" for e in analysis.events)


def test_two_party_nouns_a_titled_name_and_a_second_name_are_two_targets(analyze_text: Analyze) -> None:
    for text, first, second in (
        (
            "The minister will fly to Accra, meeting Ghana's Foreign Minister Ama Boateng and Togolese "
            "President Kofi Mensah.",
            "Ghana's Foreign Minister Ama Boateng",
            "Togolese President Kofi Mensah",
        ),
        (
            "The envoy will visit Lima, meeting Peru's Prime Minister Carlos Ruiz and Bolivian President "
            "Jorge Quispe.",
            "Peru's Prime Minister Carlos Ruiz",
            "Bolivian President Jorge Quispe",
        ),
    ):
        analysis = analyze_text(text)
        events = [e for e in analysis.events if e.type == "CONSULT"]
        assert [e.target_text for e in events] == [f"{first} ; {second}"]
        names = {e.id: e.name for e in analysis.entities}
        assert second.split(" President ")[1] in [names[t] for t in events[0].target]
