"""Tests of the entities component: repaired NER spans, resolution, roles, the token index."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.extract.components.entities import acronym_candidates, normalize_name
from newsgraph.extract.extensions import entity_at_token, entity_in_tokens, get_entities
from newsgraph.models import Analysis, Entity

Analyze = Callable[..., Analysis]


def _by_name(analysis: Analysis, name: str) -> Entity:
    found = [e for e in analysis.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in analysis.entities]}"
    assert len(found) == 1, f"{name!r} split into {len(found)} entities"
    return found[0]


def _names(analysis: Analysis) -> list[str]:
    return [e.name for e in analysis.entities]


def _check_offsets(analysis: Analysis) -> None:
    for entity in analysis.entities:
        for m in entity.mentions:
            assert analysis.text[m.start : m.end] == m.text


SURNAMES = (
    "The country's interior minister, Farida Mansouri, said on Tuesday that the border would reopen. "
    "Mansouri told reporters the decision followed talks with neighbouring states. "
    "Critics of Mansouri said the move came too late."
)


def test_entities_surname_folds_into_full_name(analyze_text: Analyze) -> None:
    a = analyze_text(SURNAMES, clean=False)
    person = _by_name(a, "Farida Mansouri")
    assert person.type == "PERSON"
    assert [m.text for m in person.mentions if m.kind == "name"] == [
        "Farida Mansouri",
        "Mansouri",
        "Mansouri",
    ]
    assert person.aliases == ["Mansouri"]
    assert "interior minister" in person.roles
    _check_offsets(a)


def test_entities_possessive_is_not_part_of_the_name(analyze_text: Analyze) -> None:
    text = (
        "Reporting from Nairobi, Reuters’s Daniel Okafor said the vote had been delayed. "
        "The Kenyan government's spokesman declined to comment."
    )
    a = analyze_text(text, clean=False)
    agency = _by_name(a, "Reuters")
    assert all(not m.text.endswith(("’s", "'s")) for m in agency.mentions)
    person = _by_name(a, "Daniel Okafor")
    assert person.affiliation == agency.id
    _check_offsets(a)


def test_entities_prenominal_title_gives_role_and_affiliation(analyze_text: Analyze) -> None:
    text = (
        "Norway’s special envoy Ingrid Halvorsen arrived in Khartoum on Monday. "
        "The army’s chief of staff and Halvorsen met for three hours."
    )
    a = analyze_text(text, clean=False)
    envoy = _by_name(a, "Ingrid Halvorsen")
    assert envoy.roles == ["special envoy"]
    assert envoy.affiliation == _by_name(a, "Norway").id


def test_entities_title_inside_person_span_becomes_role(analyze_text: Analyze) -> None:
    text = "President Joe Biden met Senator Maria Lopez at the White House on Friday."
    a = analyze_text(text, clean=False)
    assert _by_name(a, "Joe Biden").roles == ["President"]
    assert _by_name(a, "Maria Lopez").roles == ["Senator"]
    assert "President Joe Biden" not in _names(a)


def test_entities_apposition_after_name(analyze_text: Analyze) -> None:
    text = "Louis Gallois, the Airbus chief executive, said deliveries would resume in March."
    a = analyze_text(text, clean=False)
    person = _by_name(a, "Louis Gallois")
    assert person.roles == ["chief executive"]
    assert person.affiliation == _by_name(a, "Airbus").id


def test_entities_apposition_before_name(analyze_text: Analyze) -> None:
    text = (
        "Senior officials, including the head of the National Electoral Commission, Samuel Mbeki, "
        "flew to the capital for two days of talks."
    )
    a = analyze_text(text, clean=False)
    person = _by_name(a, "Samuel Mbeki")
    assert person.roles == ["head of the National Electoral Commission"]
    assert person.affiliation == _by_name(a, "National Electoral Commission").id


def test_entities_acronym_folds_into_full_name(analyze_text: Analyze) -> None:
    text = (
        "Leaders of the Asia-Pacific Economic Cooperation met in Lima on Saturday. "
        "APEC members agreed to cut tariffs, an APEC statement said."
    )
    a = analyze_text(text, clean=False)
    org = _by_name(a, "Asia-Pacific Economic Cooperation")
    assert org.type == "ORG"
    assert org.aliases == ["APEC"]
    assert len([m for m in org.mentions if m.kind == "name"]) == 3


def test_entities_acronym_in_brackets_is_linked(analyze_text: Analyze) -> None:
    text = (
        "Police handed the two men to the Central Narcotics Bureau (CNB) on Friday. "
        "Officers from the CNB searched their flat, and a CNB dog found more drugs."
    )
    a = analyze_text(text, clean=False)
    org = _by_name(a, "Central Narcotics Bureau")
    assert [m.text for m in org.mentions if m.kind == "name"] == [
        "Central Narcotics Bureau",
        "CNB",
        "CNB",
        "CNB",
    ]


def test_entities_united_states_variants_are_one_entity(analyze_text: Analyze) -> None:
    text = (
        "The US said on Monday it would send aid. U.S. officials said America would act with allies, "
        "and the United States would lead the effort. The U.S. Senate will vote on Tuesday."
    )
    a = analyze_text(text, clean=False)
    us = _by_name(a, "United States")
    assert us.type == "GPE"
    assert {m.text for m in us.mentions if m.kind == "name"} == {"US", "U.S.", "America", "United States"}
    assert set(us.aliases) == {"US", "U.S.", "America"}
    assert "United States Senate" in _names(a)  # the known-entity table names "U.S. Senate"


def test_entities_known_actor_type_wins(analyze_text: Analyze) -> None:
    text = "Hamas said it had accepted the proposal. Israel said Hamas fighters had attacked a border post."
    a = analyze_text(text, clean=False)
    assert _by_name(a, "Hamas").type == "ORG"
    assert _by_name(a, "Israel").type == "GPE"


def test_entities_ids_unique_and_in_order_of_first_mention(analyze_text: Analyze) -> None:
    a = analyze_text(SURNAMES + " The talks were held in Geneva with Swiss mediators.", clean=False)
    ids = [e.id for e in a.entities]
    assert len(ids) == len(set(ids))
    names = [e for e in a.entities if any(m.kind == "name" for m in e.mentions)]
    firsts = [min(m.start for m in e.mentions if m.kind == "name") for e in names]
    assert firsts == sorted(firsts)
    assert a.entities[0].id == "e1"


def test_entities_dateline_place_is_found(analyze_text: Analyze) -> None:
    text = "KABUL, Afghanistan (AP) — Gunmen attacked a checkpoint on Sunday, police said."
    a = analyze_text(text, clean=False)
    kabul = _by_name(a, "KABUL")
    assert kabul.type == "GPE"
    assert _by_name(a, "Afghanistan").type == "GPE"


def test_entities_capitals_headline_names_are_confirmed_by_the_body(analyze_text: Analyze) -> None:
    text = (
        "TENNIS - OKONKWO BEATS HALLER IN FIVE SETS.\n"
        "NEW YORK 1996-08-30\n"
        "Nigeria's Chidi Okonkwo beat Swiss veteran Marc Haller 6-4 3-6 6-2 4-6 7-5 on Friday. "
        "Okonkwo will play the top seed next."
    )
    a = analyze_text(text, clean=False)
    okonkwo = _by_name(a, "Chidi Okonkwo")
    assert "OKONKWO" in {m.text for m in okonkwo.mentions}
    assert _by_name(a, "NEW YORK").type == "GPE"
    assert "TENNIS" not in _names(a)


def test_entities_of_the_ministry_gives_affiliation(analyze_text: Analyze) -> None:
    text = (
        "Karim Haddad of the Interior Ministry said the attack had been foiled. "
        "Omar Khalil of the foreign ministry said talks would go on."
    )
    a = analyze_text(text, clean=False)
    assert _by_name(a, "Karim Haddad").affiliation == _by_name(a, "Interior Ministry").id
    ministry = _by_name(a, "foreign ministry")
    assert ministry.type == "ORG"
    assert [m.kind for m in ministry.mentions] == ["description"]
    assert _by_name(a, "Omar Khalil").affiliation == ministry.id


def test_entities_hyphenated_surname_folds(analyze_text: Analyze) -> None:
    text = (
        "Former President Omar al-Bashir was moved to a prison in the capital. "
        "Lawyers for Bashir said he was ill."
    )
    a = analyze_text(text, clean=False)
    person = _by_name(a, "Omar al-Bashir")
    assert "Bashir" in person.aliases
    assert "Former President" in person.roles


def test_entities_initials_and_results_lists(analyze_text: Analyze) -> None:
    text = (
        "Results of the women's 100 metres:\n"
        "1. Adaeze Okonjo (Nigeria) 11.02\n"
        "2. Maren Lindqvist (Sweden) 11.10\n"
        "Britain's team was led by J. Harwood, who finished fifth. Harwood said she was pleased."
    )
    a = analyze_text(text, clean=False)
    assert _by_name(a, "Adaeze Okonjo").type == "PERSON"
    assert _by_name(a, "Maren Lindqvist").type == "PERSON"
    assert _by_name(a, "Nigeria").type == "GPE"
    harwood = _by_name(a, "J. Harwood")
    assert harwood.type == "PERSON"
    assert "Harwood" in harwood.aliases


def test_entities_nationality_words_are_norp(analyze_text: Analyze) -> None:
    text = (
        "Tajik troops now control the road. A Rwandan lobby group said Tajik officials and "
        "Qatari mediators had met in Dushanbe."
    )
    a = analyze_text(text, clean=False)
    for name in ("Tajik", "Rwandan", "Qatari"):
        assert _by_name(a, name).type == "NORP"
    assert _by_name(a, "Dushanbe").type == "GPE"


def test_entities_possessive_inside_a_name_stays(analyze_text: Analyze) -> None:
    text = "The People's Republic of China said on Monday it would retaliate."
    a = analyze_text(text, clean=False)
    assert "People" not in _names(a)
    assert any(n.startswith("People's Republic") for n in _names(a))


def test_entities_role_drops_possessive_pronoun(analyze_text: Analyze) -> None:
    text = "Boeing said Ralph Crosby, its chief executive, would retire in June."
    a = analyze_text(text, clean=False)
    assert _by_name(a, "Ralph Crosby").roles == ["chief executive"]


def test_entities_organisation_short_forms_fold(analyze_text: Analyze) -> None:
    text = (
        "Shares of Northwind Inc. fell 4 percent on Monday. Northwind said sales in Asia were weak. "
        "Officials at the Department of Homeland Security said Homeland Security would review the deal, "
        "and Taco Bell Canada said Taco Bell stores were not affected."
    )
    a = analyze_text(text, clean=False)
    company = _by_name(a, "Northwind Inc.")
    assert company.aliases == ["Northwind"]
    assert "Homeland Security" in _by_name(a, "Department of Homeland Security").aliases
    assert "Taco Bell" not in _by_name(a, "Taco Bell Canada").aliases


def test_entities_british_and_american_spellings_fold(analyze_text: Analyze) -> None:
    text = (
        "The World Health Organization said the outbreak was contained. "
        "A World Health Organisation spokesman said more tests were due."
    )
    a = analyze_text(text, clean=False)
    who = _by_name(a, "World Health Organization")
    assert "World Health Organisation" in who.aliases


def test_entities_text_all_in_capitals_keeps_names(analyze_text: Analyze) -> None:
    text = (
        "AIRBUS CHIEF EXECUTIVE GUILLAUME FAURY SAID ON TUESDAY THAT BOEING AND AIRBUS WOULD TALK.\n"
        "FRANCE AND GERMANY WELCOMED THE TALKS.\n"
    )
    a = analyze_text(text, clean=False)
    assert {"Boeing", "FRANCE", "GERMANY"} <= set(_names(a))  # Boeing: the known-entity table's name


def test_entities_age_and_role_mark_a_person(analyze_text: Analyze) -> None:
    text = (
        "According to Kemi Adesanya, 20, the water was brown. "
        "The family hired a lawyer, Kemi Adesanya, to handle the case."
    )
    a = analyze_text(text, clean=False)
    person = _by_name(a, "Kemi Adesanya")
    assert person.type == "PERSON"
    assert person.roles == ["lawyer"]


def test_entities_token_index_finds_every_mention(nlp: Language) -> None:
    doc = nlp(SURNAMES)
    entities = get_entities(doc)
    person = next(e for e in entities if e.name == "Farida Mansouri")
    for m in person.mentions:
        span = doc.char_span(m.start, m.end)
        assert span is not None
        assert entity_in_tokens(doc, span.start, span.end) is person
        assert entity_at_token(doc, span.start) is person
    said = next(t for t in doc if t.lower_ == "said")
    assert entity_at_token(doc, said.i) is None


def test_entities_dates_and_numbers_are_left_out(analyze_text: Analyze) -> None:
    text = "About 300 people marched in Paris on 12 March 2024, 40 percent more than last year."
    a = analyze_text(text, clean=False)
    assert _names(a) == ["Paris"] or set(_names(a)) >= {"Paris"}
    for e in a.entities:
        assert e.type not in {"DATE", "CARDINAL", "PERCENT"}
        assert not any(ch.isdigit() for ch in e.name)


def test_entities_helpers_normalize_and_abbreviate() -> None:
    assert normalize_name("the U.S.") == "us"
    assert normalize_name("Al  Jazeera’s") == "al jazeera's"
    assert "APEC" in acronym_candidates("Asia-Pacific Economic Cooperation")
    assert "OSCE" in acronym_candidates("Organisation for Security and Cooperation in Europe")
    assert acronym_candidates("Reuters") == set()


def test_entities_pathological_input_stays_fast(nlp: Language) -> None:
    text = ("Mansouri met Okafor and Halvorsen in Geneva. " * 400) + ("ALPHA BETA GAMMA\n" * 200)
    started = time.process_time()
    doc = nlp(text)
    assert time.process_time() - started < 30
    assert get_entities(doc)


@pytest.mark.shared
def test_entities_example_article_entities(shared: Path, analyze_text: Analyze) -> None:
    text = (shared / "examples" / "doha-talks.txt").read_text(encoding="utf-8")
    a = analyze_text(text, published="2021-07-18")
    leader = _by_name(a, "Haibatullah Akhundzada")
    assert "Akhundzada" in leader.aliases
    assert "Supreme Leader" in leader.roles
    assert leader.affiliation == _by_name(a, "Taliban").id
    envoy = _by_name(a, "Mutlaq al-Qahtani")
    assert envoy.roles == ["counterterrorism envoy"]
    assert envoy.affiliation == _by_name(a, "Qatar").id
    assert _by_name(a, "Osama bin Javaid").affiliation == _by_name(a, "Al Jazeera").id
    assert _by_name(a, "Rosalind Jordan").affiliation == _by_name(a, "Al Jazeera").id
    assert _by_name(a, "Ajmal Omar Shinwari").type == "PERSON"
    council = _by_name(a, "High Council for National Reconciliation")
    assert _by_name(a, "Abdullah Abdullah").affiliation == council.id
    assert "US" in _by_name(a, "United States").aliases
    _check_offsets(a)
