"""Tests of the events component (`newsgraph_events`): PLOVER types, modality, actors, magnitudes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.extract.components.events import link_events
from newsgraph.models import Analysis, Event

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis, type_: str | None = None) -> list[Event]:
    return [e for e in analysis.events if type_ is None or e.type == type_]


def _name(analysis: Analysis, ids: list[str]) -> str:
    return " ; ".join(e.name for e in (analysis.entity(i) for i in ids) if e is not None)


def test_events_offsets_and_sentences(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Rebels attacked an army base in the north on Monday. "
        "The government later imposed a curfew on the town and arrested 40 people."
    )
    assert a.events
    for e in a.events:
        assert a.text[e.trigger.start : e.trigger.end] == e.trigger.text
        sent = a.sentences[e.sentence]
        assert sent.start <= e.trigger.start < sent.end
        assert 0.0 <= e.confidence <= 1.0
    assert {e.type for e in a.events} >= {"ASSAULT", "COERCE"}
    assault = next(e for e in a.events if e.type == "ASSAULT")
    assert "military" in assault.context
    assert assault.cameo == "19"


def test_events_passive_actors(analyze_text: Analyze) -> None:
    a = analyze_text("Three police officers were attacked by militants near the border town of Chaman.")
    (ev,) = _events(a, "ASSAULT")
    assert ev.source_text is not None and "militants" in ev.source_text
    assert ev.target_text is not None and "police officers" in ev.target_text
    assert not ev.negated


def test_events_negation(analyze_text: Analyze) -> None:
    a = analyze_text("The army did not attack the village, a spokesman said.")
    (ev,) = _events(a, "ASSAULT")
    assert ev.negated
    assert ev.source_text is not None and "army" in ev.source_text


def test_events_reporting_verb_codes_its_complement(analyze_text: Analyze) -> None:
    a = analyze_text("The interior ministry said police arrested 25 protesters in the capital on Friday.")
    types = {e.type for e in a.events}
    assert "COERCE" in types
    (ev,) = _events(a, "COERCE")
    assert ev.trigger.text == "arrested"
    assert ev.source_text == "police"
    assert ev.target_text is not None and "protesters" in ev.target_text
    assert ev.time_text == "Friday"


def test_events_reciprocal_meeting_has_both_sides(analyze_text: Analyze) -> None:
    a = analyze_text("The foreign ministers of Jordan and Egypt met in Amman on Tuesday.")
    (ev,) = _events(a, "CONSULT")
    sides = f"{ev.source_text} ; {ev.target_text}"
    assert "Jordan" in sides and "Egypt" in sides
    assert ev.source and ev.target
    assert ev.place_text == "Amman"


def test_events_future_cooperation_is_agree_and_threat_is_threaten(analyze_text: Analyze) -> None:
    a = analyze_text("Ukraine and Poland will hold talks next week.")
    (ev,) = _events(a)
    assert ev.type == "AGREE" and ev.mode == "intend"
    b = analyze_text("Iran threatened to attack American bases in the region.")
    (threat,) = _events(b)
    assert threat.type == "THREATEN" and threat.mode == "violence"
    assert threat.source_text == "Iran"
    assert threat.target_text is not None and "American bases" in threat.target_text


def test_events_frames_choose_the_type(analyze_text: Analyze) -> None:
    a = analyze_text("Peru recalled its ambassador to Mexico after the dispute.")
    assert [e.type for e in a.events] == ["SANCTION"]
    b = analyze_text("The military government lifted the ban on the opposition party.")
    (ev,) = _events(b)
    assert ev.type == "CONCEDE"
    assert ev.target_text is not None and "opposition party" in ev.target_text
    c = analyze_text("The company lifted its profit forecast for the year.")
    assert _events(c) == []


def test_events_magnitudes(analyze_text: Analyze) -> None:
    a = analyze_text("Gunmen stormed a village in Zamfara state, killing 12 farmers and wounding 30 others.")
    (ev,) = _events(a, "ASSAULT")
    assert ev.dead == 12
    assert ev.injured == 30
    b = analyze_text("Thousands of teachers demonstrated in Nairobi on Monday to demand higher pay.")
    (protest,) = _events(b, "PROTEST")
    assert protest.size is not None and protest.size >= 1000
    assert "teachers" in (protest.source_text or "")


def test_events_generic_actor_is_group_entity_with_sector_and_country(analyze_text: Analyze) -> None:
    a = analyze_text("Afghan security forces launched an offensive against the militants in Helmand.")
    (ev,) = _events(a, "ASSAULT")
    assert ev.source
    actor = a.entity(ev.source[0])
    assert actor is not None
    assert actor.type == "GROUP"
    assert actor.sector == "military"
    assert actor.country == "AF"
    assert ev.trigger.text.endswith("offensive")


def test_events_natural_hazards_and_sports_are_not_political(analyze_text: Analyze) -> None:
    flood = analyze_text(
        "Floods killed at least 40 people and destroyed hundreds of homes in the south of the country."
    )
    assert _events(flood) == []
    quake = analyze_text(
        "A powerful earthquake struck the region on Sunday, killing 12 people and injuring dozens."
    )
    assert _events(quake) == []
    sport = analyze_text(
        "Liverpool attacked relentlessly after the break and the striker finally scored in the 80th minute."
    )
    assert _events(sport) == []
    score = analyze_text("The team fought back to win the final 2-1 in extra time.")
    assert _events(score) == []


def test_events_demand_that_and_obligation_are_requests(analyze_text: Analyze) -> None:
    a = analyze_text("Rights groups demanded that the government release the detained journalists.")
    (ev,) = _events(a)
    assert ev.type == "REQUEST"
    assert "government" in (ev.target_text or "")
    b = analyze_text("Russia said on Tuesday that Ukraine must withdraw its troops from the border.")
    types = [e.type for e in b.events]
    assert types == ["REQUEST"]
    assert b.events[0].source_text == "Russia" and b.events[0].target_text == "Ukraine"


def test_events_pathological_input_does_not_raise(analyze_text: Analyze) -> None:
    text = "attack " * 3000 + ". " + "The talks and the talks and the talks " * 200 + "."
    a = analyze_text(text, clean=False)
    assert isinstance(a.events, list)


def test_events_link_events_sets_ids_by_sentence(nlp: object) -> None:
    from spacy.language import Language

    assert isinstance(nlp, Language)
    doc = nlp("Protesters rallied in Nairobi on Monday.")
    link_events(doc)
    events = doc._.newsgraph_events or []
    assert events and events[0].time_text == "Monday" and events[0].place_text == "Nairobi"
    times = doc._.newsgraph_times or []
    if any(t.text == "Monday" for t in times):
        assert events[0].time is not None


def test_events_doha_example(analyze_text: Analyze, shared: Path) -> None:
    text = (shared / "examples" / "doha-talks.txt").read_text(encoding="utf-8")
    a = analyze_text(text, published="2021-07-18")
    gold = [("CONSULT", "talks"), ("AGREE", "agreed"), ("ASSAULT", "offensives"), ("ASSAULT", "conducted")]
    gold += [("ACCUSE", "slammed"), ("RETREAT", "pullout")]
    for type_, word in gold:
        at = a.text.find(word)
        assert any(e.type == type_ and abs(e.trigger.start - at) < 200 for e in a.events), (type_, word)
    operations = next(e for e in a.events if "244 operations" in e.trigger.text)
    assert operations.type == "ASSAULT" and operations.dead == 967
    assert "pro-government fighters" in (operations.source_text or "")
    slam = next(e for e in a.events if e.trigger.text == "slammed")
    assert "Akhundzada" in _name(a, slam.source)
    assert all(e.sentence < len(a.sentences) for e in a.events)
    # "the two sides agreed …" points at the two parties of the talks
    agreed = [e for e in a.events if e.type == "AGREE" and e.trigger.text == "agreed"]
    assert any("Taliban" in _name(a, e.target) and e.source for e in agreed)
    pullout = next(e for e in a.events if "pullout" in e.trigger.text)
    assert pullout.source_text == "US forces"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hundreds of students staged a protest outside parliament on Wednesday.", "PROTEST"),
        ("The United Nations sent food aid to Yemen last month.", "AID"),
        ("Israel released 30 Palestinian prisoners on Sunday.", "RETREAT"),
        ("Police detained two opposition leaders in Minsk.", "COERCE"),
        ("The European Union imposed sanctions on Belarus on Monday.", "SANCTION"),
        ("Germany condemned the attack on the embassy.", "ACCUSE"),
        ("Venezuela rejected the proposal from Washington.", "REJECT"),
        ("China praised Pakistan for its support.", "SUPPORT"),
        ("Rebels and government troops clashed near Goma.", "ASSAULT"),
        ("North Korea deployed troops along the border.", "MOBILIZE"),
    ],
)
def test_events_types_of_common_news_sentences(analyze_text: Analyze, sentence: str, expected: str) -> None:
    a = analyze_text(sentence)
    assert expected in {e.type for e in a.events}, [(e.type, e.trigger.text) for e in a.events]


def test_events_political_attacks_are_accusations_and_campaign_rallies_no_protests(
    analyze_text: Analyze,
) -> None:
    a = analyze_text("The senator attacked the governor's budget plan in a televised debate on Tuesday.")
    assert [e.type for e in a.events] == ["ACCUSE"]
    b = analyze_text("The candidate held two campaign rallies in Iowa ahead of the caucuses.")
    assert [e for e in b.events if e.type == "PROTEST"] == []


def test_events_crowd_violence_is_a_violent_protest(analyze_text: Analyze) -> None:
    a = analyze_text("Rioters torched several shops and a police station in the city centre.")
    (ev,) = _events(a)
    assert ev.type == "PROTEST" and ev.mode == "riot"
    b = analyze_text("A gas cylinder exploded in a restaurant, killing five people.")
    assert _events(b) == []


def test_events_warning_of_own_action_is_a_threat(analyze_text: Analyze) -> None:
    a = analyze_text(
        "Beijing warned Washington that it would take strong countermeasures if the visit went ahead."
    )
    (ev,) = _events(a)
    assert ev.type == "THREATEN"
    assert ev.source_text == "Beijing" and ev.target_text == "Washington"
    b = analyze_text("Economists warned that prices would rise sharply next year.")
    assert _events(b) == []
