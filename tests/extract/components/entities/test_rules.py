"""Rule tests of the entities component's stages on hand-built Docs (no model loaded)."""

from __future__ import annotations

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from newsgraph.extract.components._gazetteer import get_gazetteer
from newsgraph.extract.components.entities import EntityResolver
from newsgraph.extract.components.entities.additions import (
    add_datelines,
    add_gazetteer,
    extend_law_names,
    join_split_names,
    merge_adjacent_persons,
    people_with_country,
)
from newsgraph.extract.components.entities.chains import chain_mentions, propagate, scan
from newsgraph.extract.components.entities.classify import chain_type, label_vote
from newsgraph.extract.components.entities.cues import context_type, place_tokens
from newsgraph.extract.components.entities.folding import fold_chains
from newsgraph.extract.components.entities.lexicon import get_lexicon
from newsgraph.extract.components.entities.link import knowledge_link
from newsgraph.extract.components.entities.names import normalize_name
from newsgraph.extract.components.entities.phrases import PhraseFinder, add_phrase_names
from newsgraph.extract.components.entities.products import add_products
from newsgraph.extract.components.entities.repair import ner_mentions, split_span, trim
from newsgraph.extract.components.entities.spans import Chain, NameMention, caps_lines
from newsgraph.extract.extensions import doc_text, get_entities, set_extensions
from tests.support.entity_docs import make_doc, vocab

LEX = get_lexicon()


def _texts(doc: Doc, mentions: list[NameMention]) -> list[str]:
    return [doc[m.start : m.end].text for m in mentions]


def _chains(doc: Doc) -> list[Chain]:
    set_extensions()
    text = doc_text(doc)
    chains = chain_mentions(doc, LEX, ner_mentions(doc, LEX, caps_lines(text)))
    propagate(doc, LEX, chains, caps_lines(text), text)
    return fold_chains(doc, LEX, chains)


def _chain_of(doc: Doc, chains: list[Chain], text: str) -> Chain:
    found = [c for c in chains if text in _texts(doc, c.mentions)]
    assert len(found) == 1, [(c.key, _texts(doc, c.mentions)) for c in chains]
    return found[0]


def test_repair_possessive_parts_owner_and_person() -> None:
    doc = make_doc(
        "Al Jazeera 's Rosalind Jordan reported .", ents=[("Al Jazeera 's Rosalind Jordan", "PERSON")]
    )
    assert [doc[a:b].text for a, b in split_span(doc, LEX, 0, 5, "PERSON")] == [
        "Al Jazeera",
        "Rosalind Jordan",
    ]


def test_repair_possessive_inside_a_name_stays() -> None:
    doc = make_doc("The People 's Republic of China said .")
    assert [doc[a:b].text for a, b in split_span(doc, LEX, 1, 6, "GPE")] == ["People's Republic of China"]


def test_repair_comma_parts_two_places_but_not_a_state_abbreviation() -> None:
    doc = make_doc("at Grace Road , Leicestershire and Washington , DC .")
    assert [doc[a:b].text for a, b in split_span(doc, LEX, 1, 5, "GPE")] == ["Grace Road", "Leicestershire"]
    assert [doc[a:b].text for a, b in split_span(doc, LEX, 6, 9, "GPE")] == ["Washington, DC"]


def test_repair_title_inside_person_span_becomes_a_role() -> None:
    doc = make_doc("President Joe Biden spoke .", pos={"spoke": "VERB"})
    m = trim(doc, LEX, 0, 3, "PERSON")
    assert m is not None
    assert doc[m.start : m.end].text == "Joe Biden"
    assert [doc[a:b].text for a, b in m.titles] == ["President"]


def test_repair_title_or_heading_word_alone_is_no_name() -> None:
    doc = make_doc("President and Photo .")
    assert trim(doc, LEX, 0, 1, "PERSON") is None
    assert trim(doc, LEX, 2, 3, "ORG") is None


def test_repair_edges_lose_the_possessive_and_leading_article() -> None:
    doc = make_doc("the Taliban 's leader", pos={"the": "DET"})
    m = trim(doc, LEX, 0, 3, "ORG")
    assert m is not None and doc[m.start : m.end].text == "Taliban"


def test_repair_first_name_outside_the_span_is_taken_in() -> None:
    doc = make_doc("reporter Rosalind Jordan said", pos={"said": "VERB"}, ents=[("Jordan", "PERSON")])
    mentions = ner_mentions(doc, LEX, [])
    assert _texts(doc, mentions) == ["Rosalind Jordan"]


def test_additions_dateline_place_replaces_spacy_span() -> None:
    doc = make_doc("KABUL , Afghanistan ( AP ) — Gunmen attacked .", ents=[("KABUL", "ORG")])
    mentions = add_datelines(doc, ner_mentions(doc, LEX, []), doc.text)
    assert [(doc[m.start : m.end].text, m.label, m.source) for m in mentions] == [
        ("KABUL", "GPE", "dateline"),
        ("Afghanistan", "GPE", "dateline"),
    ]


def test_additions_country_gap_filling_skips_longer_names() -> None:
    matcher = PhraseMatcher(vocab(), attr="ORTH")
    matcher.add("GPE", [Doc(vocab(), words=["Kenya"])])
    doc = make_doc("Troops from Kenya joined Kenya Airways staff .")
    mentions = add_gazetteer(doc, matcher, [])
    assert [(m.start, m.label) for m in mentions] == [(2, "GPE")]


def test_additions_adjacent_person_spans_join() -> None:
    doc = make_doc("Kengo Dondo won .", ents=[("Kengo", "PERSON"), ("Dondo", "PERSON")])
    joined = merge_adjacent_persons(doc, ner_mentions(doc, LEX, []))
    assert _texts(doc, joined) == ["Kengo Dondo"]


def test_additions_results_list_names_are_people() -> None:
    doc = make_doc("1 . Wilson Kipketer ( Denmark ) 1:42.5", ents=[("Denmark", "GPE")])
    mentions = people_with_country(doc, LEX, ner_mentions(doc, LEX, []))
    assert [(doc[m.start : m.end].text, m.label) for m in mentions] == [
        ("Wilson Kipketer", "PERSON"),
        ("Denmark", "GPE"),
    ]


def test_chains_alias_table_folds_country_variants() -> None:
    doc = make_doc(
        "The US and America and the United States agree .",
        ents=[("US", "GPE"), ("America", "GPE"), ("United States", "GPE")],
    )
    chains = chain_mentions(doc, LEX, ner_mentions(doc, LEX, []))
    assert len(chains) == 1
    assert chains[0].canonical == "United States" and chains[0].forced_type == "GPE"


def test_chains_a_national_body_named_without_its_country_is_that_countrys_only_where_it_is_mentioned() -> (
    None
):
    def kb(text: str, countries: frozenset[str]) -> str | None:
        doc = make_doc(
            text, pos={"the": "DET", "said": "VERB", "in": "ADP"}, ents=[("Department of Agriculture", "ORG")]
        )
        counts = LEX.known.country_counts(
            [normalize_name(doc[t.i : t.i + 1].text) for t in doc], LEX.countries
        )
        assert set(counts) >= countries
        return _chain_of(
            doc,
            chain_mentions(doc, LEX, ner_mentions(doc, LEX, []), mentioned=frozenset(counts)),
            "Department of Agriculture",
        ).kb

    assert kb("in Manila the Department of Agriculture said", frozenset()) is None
    assert (
        kb("in Iowa the Department of Agriculture said U.S.", frozenset({"US"}))
        == "known:us-department-of-agriculture"
    )


def test_chains_surname_alone_is_found_and_folded() -> None:
    doc = make_doc(
        "Minister Farida Mansouri spoke . Critics of Mansouri said so .",
        pos={"spoke": "VERB", "said": "VERB", "of": "ADP", "so": "ADV", "Critics": "NOUN"},
        ents=[("Farida Mansouri", "PERSON")],
    )
    chain = _chain_of(doc, _chains(doc), "Farida Mansouri")
    assert _texts(doc, chain.mentions) == ["Farida Mansouri", "Mansouri"]


def test_folding_surname_goes_to_the_nearest_full_name_before_it() -> None:
    doc = make_doc(
        "Anna Ford met . Henry Ford spoke . Ford left .",
        pos={"met": "VERB", "spoke": "VERB", "left": "VERB"},
        ents=[("Anna Ford", "PERSON"), ("Henry Ford", "PERSON"), ("Ford", "PERSON")],
    )
    chains = _chains(doc)
    henry = _chain_of(doc, chains, "Henry Ford")
    assert _texts(doc, sorted(henry.mentions, key=lambda m: m.start)) == ["Henry Ford", "Ford"]


def test_folding_a_given_name_like_a_particle_and_initials_that_are_no_surname() -> None:
    doc = make_doc(
        "Expert Ben Carter wrote . Carter said . Kim Jong Un met U.N. envoys and UN staff .",
        pos={
            "wrote": "VERB",
            "said": "VERB",
            "met": "VERB",
            "and": "CCONJ",
            "envoys": "NOUN",
            "staff": "NOUN",
        },
        ents=[
            ("Ben Carter", "PERSON"),
            ("Carter", "PERSON"),
            ("Kim Jong Un", "PERSON"),
            ("U.N.", "ORG"),
            ("UN", "ORG"),
        ],
    )
    chains = _chains(doc)
    assert _texts(doc, _chain_of(doc, chains, "Ben Carter").mentions) == ["Ben Carter", "Carter"]
    assert _texts(doc, _chain_of(doc, chains, "Kim Jong Un").mentions) == ["Kim Jong Un"]


def test_folding_company_short_form_and_acronym() -> None:
    doc = make_doc(
        "Shares of Northwind Inc. fell . Northwind said the Asia-Pacific Economic Cooperation and APEC met .",
        pos={"fell": "VERB", "said": "VERB", "met": "VERB", "of": "ADP", "and": "CCONJ", "the": "DET"},
        ents=[("Northwind Inc.", "ORG"), ("Asia-Pacific Economic Cooperation", "ORG"), ("APEC", "ORG")],
    )
    chains = _chains(doc)
    assert _texts(doc, _chain_of(doc, chains, "Northwind Inc.").mentions) == ["Northwind Inc.", "Northwind"]
    apec = _chain_of(doc, chains, "APEC")
    assert "Asia-Pacific Economic Cooperation" in _texts(doc, apec.mentions)


def test_classify_vote_prefers_full_person_name() -> None:
    chain = Chain([NameMention(0, 2, "PERSON", "ner"), NameMention(5, 6, "ORG", "ner")], "x")
    assert label_vote(chain) == "PERSON"
    chain = Chain([NameMention(0, 1, "GPE", "dateline"), NameMention(5, 6, "ORG", "ner")], "x")
    assert label_vote(chain) == "GPE"


def test_classify_country_tagged_person_is_a_place_and_age_marks_a_person() -> None:
    doc = make_doc(
        "Chile said Kemi Adesanya , 20 , was hurt .",
        pos={"said": "VERB", "was": "AUX", "hurt": "VERB", "20": "NUM"},
        ents=[("Chile", "PERSON"), ("Kemi Adesanya", "ORG")],
    )
    chains = chain_mentions(doc, LEX, ner_mentions(doc, LEX, []))
    assert chain_type(doc, LEX, _chain_of(doc, chains, "Chile")) == "GPE"
    assert chain_type(doc, LEX, _chain_of(doc, chains, "Kemi Adesanya")) == "PERSON"


def test_repair_weekday_and_time_zone_alone_are_no_names() -> None:
    doc = make_doc("Tuesday at 14:00 UTC", ents=[("Tuesday", "ORG"), ("UTC", "ORG")])
    assert ner_mentions(doc, LEX, []) == []


def test_repair_unit_glued_to_a_number_is_no_name() -> None:
    spaced = Doc(vocab(), words=["the", "16", "GB", "model"], spaces=[True, True, True, False])
    glued = Doc(vocab(), words=["the", "16", "GB", "model"], spaces=[True, False, True, False])
    assert trim(spaced, LEX, 2, 3, "PERSON") is not None
    assert trim(glued, LEX, 2, 3, "PERSON") is None


def test_repair_spaced_dash_and_inner_verb_part_two_names() -> None:
    doc = make_doc("in San Jose - Cisco said", pos={"said": "VERB", "in": "ADP"})
    assert [doc[a:b].text for a, b in split_span(doc, LEX, 1, 5, "GPE")] == ["San Jose", "Cisco"]
    doc = make_doc("Apple passed Wal - Mart", pos={"passed": "VERB"})
    assert [doc[a:b].text for a, b in split_span(doc, LEX, 0, 5, "ORG")] == ["Apple", "Wal - Mart"]


def test_repair_listing_comma_stays_inside_an_organisation_name() -> None:
    doc = make_doc("Department for Environment , Food and Rural Affairs", pos={"for": "ADP", "and": "CCONJ"})
    assert [doc[a:b].text for a, b in split_span(doc, LEX, 0, 8, "ORG")] == [doc.text]


def test_additions_particles_join_a_split_person_name() -> None:
    doc = make_doc(
        "President Ursula von der Leyen spoke .",
        pos={"von": "PROPN", "der": "PROPN", "spoke": "VERB"},
        ents=[("President Ursula von der", "PERSON"), ("Leyen", "GPE")],
    )
    mentions = join_split_names(doc, LEX, ner_mentions(doc, LEX, []))
    assert [(doc[m.start : m.end].text, m.label) for m in mentions] == [("Ursula von der Leyen", "PERSON")]


def test_additions_first_name_coordinated_into_a_foundation() -> None:
    doc = make_doc(
        "the Bill and Melinda Gates Foundation paid",
        pos={"the": "DET", "and": "CCONJ", "paid": "VERB"},
        ents=[("Bill", "PERSON"), ("Melinda Gates Foundation", "ORG")],
    )
    mentions = join_split_names(doc, LEX, ner_mentions(doc, LEX, []))
    assert [(doc[m.start : m.end].text, m.label) for m in mentions] == [
        ("Bill and Melinda Gates Foundation", "ORG")
    ]


def test_additions_an_organisation_goes_on_after_its_head_word() -> None:
    doc = make_doc(
        "the U.S. Agency for International Development and the United Nations Office for the"
        " Coordination of Humanitarian Affairs met , and Apple for Google",
        pos={"the": "DET", "for": "ADP", "and": "CCONJ", "of": "ADP", "met": "VERB"},
        ents=[
            ("the U.S. Agency for", "ORG"),
            ("International Development", "ORG"),
            ("the United Nations Office", "ORG"),
            ("Coordination of Humanitarian Affairs", "ORG"),
            ("Apple", "ORG"),
            ("Google", "ORG"),
        ],
    )
    mentions = join_split_names(doc, LEX, ner_mentions(doc, LEX, []))
    assert [doc[m.start : m.end].text for m in mentions] == [
        "U.S. Agency for International Development",
        "United Nations Office for the Coordination of Humanitarian Affairs",
        "Apple",
        "Google",
    ]


def _finder() -> PhraseFinder:
    return PhraseFinder(vocab(), lambda text: make_doc(text, default_pos="PROPN"))


def test_phrases_strain_and_disease_are_one_entity_and_replace_spacy_spans() -> None:
    doc = make_doc(
        "The H5N1 Avian Flu spread . Bird flu and H5N1 killed birds .",
        pos={"The": "DET", "spread": "VERB", "killed": "VERB", "and": "CCONJ"},
        ents=[("H5N1 Avian Flu", "PERSON"), ("H5N1", "ORG")],
    )
    mentions = add_phrase_names(doc, _finder(), ner_mentions(doc, LEX, []))
    assert [(doc[m.start : m.end].text, m.label, m.kb) for m in mentions] == [
        ("H5N1 Avian Flu", "DISEASE", "disease:avian-influenza"),
        ("Bird flu", "DISEASE", "disease:avian-influenza"),
        ("H5N1", "DISEASE", "disease:avian-influenza"),
    ]


def test_phrases_strain_alone_is_its_own_disease() -> None:
    doc = make_doc("H5N1 was found .", pos={"was": "AUX", "found": "VERB"})
    assert [m.kb for m in _finder().find(doc)] == ["disease:influenza-a-h5n1"]


def test_phrases_a_longer_name_keeps_its_place() -> None:
    doc = make_doc(
        "the Global Polio Eradication Initiative and the World AIDS Campaign",
        pos={"the": "DET", "and": "CCONJ"},
        ents=[("Global Polio Eradication Initiative", "ORG")],
    )
    mentions = add_phrase_names(doc, _finder(), ner_mentions(doc, LEX, []))
    assert [(doc[m.start : m.end].text, m.label) for m in mentions] == [
        ("Global Polio Eradication Initiative", "ORG")
    ]


def test_phrases_place_name_is_the_disease_only_in_context() -> None:
    doc = make_doc(
        "The Marburg virus spread . Doctors in Marburg met . Marburg kills .",
        pos={"The": "DET", "virus": "NOUN", "spread": "VERB", "in": "ADP", "met": "VERB", "kills": "VERB"},
    )
    assert [doc[m.start : m.end].text for m in _finder().find(doc)] == ["Marburg virus", "Marburg"]
    assert [m.start for m in _finder().find(doc)] == [1, 10]  # not "in Marburg"


def test_phrases_index_needs_the_market_not_the_listing() -> None:
    doc = make_doc(
        "The Nasdaq fell 2 percent . Apple is listed on the Nasdaq . The FTSE 100 rose .",
        pos={"The": "DET", "fell": "VERB", "2": "NUM", "percent": "NOUN", "is": "AUX", "listed": "VERB"}
        | {"on": "ADP", "the": "DET", "rose": "VERB", "100": "NUM"},
    )
    found = [(doc[m.start : m.end].text, m.kb) for m in _finder().find(doc)]
    assert found == [("Nasdaq", "index:nasdaq-composite"), ("FTSE 100", "index:ftse-100")]


def _typed(doc: Doc, text: str, *, main: str | None = None) -> tuple[str, str | None]:
    chains = chain_mentions(doc, LEX, ner_mentions(doc, LEX, []), main=main)
    chain = _chain_of(doc, chains, text)
    link = knowledge_link(doc, LEX, get_gazetteer(), chain, on="2021-07-18", main=main)
    type_ = chain_type(doc, LEX, chain, link)
    return type_, chain.kb or (link.kb if link is not None and link.type == type_ else None)


def test_link_country_and_city_are_never_people() -> None:
    doc = make_doc(
        "Burkina Faso and Toulouse joined .",
        pos={"and": "CCONJ", "joined": "VERB"},
        ents=[("Burkina Faso", "PERSON"), ("Toulouse", "PERSON")],
    )
    assert _typed(doc, "Burkina Faso") == ("GPE", "phoenix:burkina faso")
    assert _typed(doc, "Toulouse")[0] == "GPE"


def test_link_a_title_keeps_a_person_named_like_a_place() -> None:
    doc = make_doc("President Jordan spoke .", pos={"spoke": "VERB"}, ents=[("Jordan", "PERSON")])
    assert _typed(doc, "Jordan") == ("PERSON", None)


def test_link_full_names_of_known_people_are_linked_surnames_are_not() -> None:
    doc = make_doc(
        "Barack Obama met Obama aides .",
        pos={"met": "VERB", "aides": "NOUN"},
        ents=[("Barack Obama", "ORG"), ("Obama", "PERSON")],
    )
    assert _typed(doc, "Barack Obama") == ("PERSON", "phoenix:barack obama")
    assert _typed(doc, "Obama") == ("PERSON", None)


def test_link_a_committee_or_command_is_typed_but_not_linked_to_its_parent_body() -> None:
    doc = make_doc(
        "the Senate Foreign Relations Committee and the House Foreign Affairs Committee and Central Command"
        " met .",
        pos={"the": "DET", "and": "CCONJ", "met": "VERB"},
        ents=[
            ("Senate Foreign Relations Committee", "ORG"),
            ("House Foreign Affairs Committee", "ORG"),
            ("Central Command", "ORG"),
        ],
    )
    assert _typed(doc, "Senate Foreign Relations Committee") == ("ORG", None)
    assert _typed(doc, "House Foreign Affairs Committee") == ("ORG", None)
    assert _typed(doc, "Central Command") == ("ORG", None)
    body = make_doc(
        "the European Commission met .",
        pos={"the": "DET", "met": "VERB"},
        ents=[("European Commission", "ORG")],
    )
    link = knowledge_link(
        body, LEX, get_gazetteer(), _chain_of(body, _chains(body), "European Commission"), on=None, main=None
    )
    assert link is not None and link.kb == "phoenix:european commission"  # its own name's head


def test_link_country_that_is_a_state_of_the_main_country_stays_unlinked() -> None:
    doc = make_doc("Georgia voted .", pos={"voted": "VERB"}, ents=[("Georgia", "GPE")])
    assert _typed(doc, "Georgia") == ("GPE", "phoenix:georgia")
    assert _typed(doc, "Georgia", main="US") == ("GPE", None)


def test_products_model_number_after_maker_and_line() -> None:
    doc = make_doc(
        "Boeing 's 787 Dreamliner and the iPhone 4 sold , and the 787 flew .",
        pos={"'s": "PART", "787": "NUM", "Dreamliner": "PROPN", "and": "CCONJ", "the": "DET", "4": "NUM"}
        | {"sold": "VERB", "flew": "VERB"},
        ents=[("Boeing", "ORG")],
        heads={0: 3, 2: 3, 7: 6},  # "Boeing", "787" → "Dreamliner"; "4" → "iPhone"
    )
    mentions = add_products(doc, ner_mentions(doc, LEX, []))
    found = [(doc[m.start : m.end].text, m.label, m.canonical) for m in mentions]
    assert found == [
        ("Boeing", "ORG", None),
        ("787 Dreamliner", "PRODUCT", "Boeing 787 Dreamliner"),
        ("iPhone 4", "PRODUCT", None),
    ]


def test_products_no_model_in_dates_shares_scores_or_numbered_nouns() -> None:
    doc = make_doc(
        "GM 3 percent , Chapter 11 , March 4 and LG 2 OB 0",
        pos={"3": "NUM", "percent": "NOUN", "11": "NUM", "4": "NUM", "2": "NUM", "0": "NUM", "and": "CCONJ"},
        ents=[("GM", "ORG"), ("LG", "ORG")],
        heads={1: 2, 5: 4, 8: 7, 11: 10},
    )
    assert [m.label for m in add_products(doc, ner_mentions(doc, LEX, []))] == ["ORG", "ORG"]


def test_classify_a_band_after_the_and_a_store_are_organisations() -> None:
    doc = make_doc(
        "the Beatles sang at the Music Store .",
        pos={"the": "DET", "sang": "VERB", "at": "ADP"},
        ents=[("Beatles", "PERSON"), ("Music Store", "PERSON")],
    )
    chains = chain_mentions(doc, LEX, ner_mentions(doc, LEX, []))
    assert chain_type(doc, LEX, _chain_of(doc, chains, "Beatles")) == "ORG"
    assert chain_type(doc, LEX, _chain_of(doc, chains, "Music Store")) == "ORG"


def test_repair_generic_nouns_are_no_names() -> None:
    doc = make_doc(
        "Riot police and Police came , Congress and Granger met",
        pos={"police": "NOUN", "and": "CCONJ", "came": "VERB", "met": "VERB"},
        ents=[("Riot", "PERSON"), ("Police", "ORG"), ("Congress", "ORG"), ("Granger", "PERSON")],
    )
    assert _texts(doc, ner_mentions(doc, LEX, [])) == ["Congress", "Granger"]


def _cue(doc: Doc, text: str, places: set[int] | None = None) -> str | None:
    chain = _chain_of(doc, chain_mentions(doc, LEX, ner_mentions(doc, LEX, [])), text)
    return context_type(doc, LEX, get_gazetteer(), chain, places or set())


def test_cues_product_organisation_and_place_nouns_around_a_name() -> None:
    doc = make_doc(
        "the Aura sedan , German airline Air Berlin , Merial , the drug company , and Pixar , which grew",
        pos={"the": "DET", "sedan": "NOUN", "German": "ADJ", "airline": "NOUN", "drug": "NOUN"}
        | {"company": "NOUN", "and": "CCONJ", "which": "PRON", "grew": "VERB"},
        ents=[("Aura", "PERSON"), ("Air Berlin", "PERSON"), ("Merial", "PERSON"), ("Pixar", "PERSON")],
    )
    assert [_cue(doc, n) for n in ("Aura", "Air Berlin", "Merial", "Pixar")] == [
        "PRODUCT",
        "ORG",
        "ORG",
        "ORG",
    ]


def test_cues_place_words_and_lists_make_a_place() -> None:
    doc = make_doc(
        "in Toulouse and Cairo , Giza and Berry , in Beledweyne District",
        pos={"in": "ADP", "and": "CCONJ"},
        ents=[
            ("Toulouse", "PERSON"),
            ("Cairo", "GPE"),
            ("Berry", "PERSON"),
            ("Beledweyne District", "PERSON"),
        ],
        heads={5: 3, 7: 3},  # "Giza", "Berry" coordinated with "Cairo"
    )
    for i in (5, 7):
        doc[i].dep_ = "conj"
    assert _cue(doc, "Toulouse") == "GPE"
    assert _cue(doc, "Berry", places={3}) == "GPE"
    assert _cue(doc, "Beledweyne District") == "GPE"


def test_cues_a_name_listed_with_a_place_named_elsewhere_is_a_place() -> None:
    doc = make_doc(
        "in Pandi , Bulacan . pigs at Pandi and Talavera farms . Pandi and Gazprom farms",
        pos={"in": "ADP", "and": "CCONJ", "at": "ADP", "pigs": "NOUN", "farms": "NOUN"},
        ents=[("Pandi", "GPE"), ("Pandi", "ORG"), ("Talavera", "ORG"), ("Pandi", "ORG"), ("Gazprom", "ORG")],
        heads={9: 7, 14: 12},  # "Talavera", "Gazprom" coordinated with "Pandi"
    )
    for i in (9, 14):
        doc[i].dep_ = "conj"
    chains = chain_mentions(doc, LEX, ner_mentions(doc, LEX, []))
    places = place_tokens(chains)
    assert {1, 7, 12} <= places  # every "Pandi", though spaCy took two for organisations
    assert context_type(doc, LEX, get_gazetteer(), _chain_of(doc, chains, "Talavera"), places) == "GPE"
    assert context_type(doc, LEX, get_gazetteer(), _chain_of(doc, chains, "Gazprom"), places) is None


def test_cues_a_kind_of_settlement_overrules_an_organisation_label() -> None:
    doc = make_doc(
        "in the village of Kampungu , the Indo-Pacific region and the ASEAN region",
        pos={"in": "ADP", "the": "DET", "of": "ADP", "and": "CCONJ"},
        ents=[("Kampungu", "ORG"), ("Indo-Pacific", "ORG"), ("ASEAN", "ORG")],
    )
    assert [_cue(doc, n) for n in ("Kampungu", "Indo-Pacific", "ASEAN")] == ["GPE", "GPE", None]


def test_repair_sentence_opener_and_numbered_noun_are_no_names() -> None:
    doc = make_doc(
        "Beyond Ukraine , Senate Bill 461 passed",
        pos={"Beyond": "ADP", "461": "NUM", "passed": "VERB"},
        ents=[("Beyond Ukraine", "PERSON"), ("Senate", "ORG"), ("Bill", "PERSON")],
    )
    assert _texts(doc, ner_mentions(doc, LEX, [])) == ["Ukraine", "Senate"]


def test_repair_hyphenated_given_name_joins_the_surname() -> None:
    words = ["reporter", "Ahn", "So", "-", "young", "wrote"]
    doc = Doc(vocab(), words=words, spaces=[True, True, False, False, True, False])
    doc.ents = [Span(doc, 1, 2, label="PERSON")]
    assert _texts(doc, ner_mentions(doc, LEX, [])) == ["Ahn So-young"]


def test_repair_organisation_loses_a_title_at_its_end() -> None:
    doc = make_doc(
        "the Northwind Executive and the Royal Courts of Justice",
        pos={"the": "DET", "and": "CCONJ", "of": "ADP"},
        ents=[("Northwind Executive", "ORG"), ("Royal Courts of Justice", "ORG")],
    )
    assert _texts(doc, ner_mentions(doc, LEX, [])) == ["Northwind", "Royal Courts of Justice"]


def test_cues_a_name_that_acts_is_no_product() -> None:
    doc = make_doc(
        "Macintosh computers and Lenovo laptops sold , and Lenovo 's chief said",
        pos={"computers": "NOUN", "laptops": "NOUN", "and": "CCONJ", "sold": "VERB", "chief": "NOUN"}
        | {"said": "VERB"},
        ents=[("Macintosh", "ORG"), ("Lenovo", "ORG"), ("Lenovo", "ORG")],
    )
    assert _cue(doc, "Macintosh") == "PRODUCT"
    assert _cue(doc, "Lenovo") is None


def test_chains_a_place_in_a_capitals_line_is_kept_alone() -> None:
    doc = make_doc(
        "OBAMA GOES TO JAPAN \\n Officials in Tokyo said on Monday that the visit would be short .",
        pos={"in": "ADP", "said": "VERB", "on": "ADP", "that": "SCONJ", "the": "DET", "would": "AUX"},
        ents=[("JAPAN", "GPE"), ("Tokyo", "GPE")],
    )
    chains = chain_mentions(doc, LEX, ner_mentions(doc, LEX, caps_lines(doc.text)))
    assert sorted(_texts(doc, c.mentions)[0] for c in chains) == ["JAPAN", "Tokyo"]
    assert all(c.mentions for c in chains)


def test_repair_joined_countries_and_a_flight_number_are_no_organisations() -> None:
    words = ["a", "U.S.", "-", "Japan", "body", "and", "Air", "France", "Flight", "447", "crashed"]
    spaces = [True, False, False, True, True, True, True, True, True, True, False]
    doc = Doc(vocab(), words=words, spaces=spaces)
    doc.ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 6, 9, label="ORG")]
    assert _texts(doc, ner_mentions(doc, LEX, [])) == ["Air France"]


def _product_chains(doc: Doc) -> list[Chain]:
    set_extensions()
    chains = chain_mentions(doc, LEX, add_products(doc, ner_mentions(doc, LEX, [])))
    return fold_chains(doc, LEX, chains)


def test_folding_plural_and_line_go_to_the_one_model_the_article_names() -> None:
    doc = make_doc(
        "the iPhone 4 sold , the new iPhone sold , iPhones sold , other iPhone 4s sold ,"
        " and iPods and the iPod",
        pos={"4": "NUM", "4s": "NUM", "the": "DET", "new": "ADJ", "other": "ADJ", "sold": "VERB"}
        | {"and": "CCONJ"},
        heads={2: 1, 15: 14},  # "4" → "iPhone", "4s" → "iPhone"
    )
    chains = _product_chains(doc)
    model = _chain_of(doc, chains, "iPhone 4")
    assert sorted(_texts(doc, model.mentions)) == ["iPhone", "iPhone 4", "iPhone 4s", "iPhones"]
    assert model.canonical == "iPhone 4"
    assert sorted(_texts(doc, _chain_of(doc, chains, "iPod").mentions)) == ["iPod", "iPods"]


def test_folding_a_line_beside_two_models_or_a_model_word_stays_itself() -> None:
    doc = make_doc(
        "the iPhone 4 and the iPhone 3GS and the iPhone , the iPod nano and the iPod",
        pos={"4": "NUM", "3GS": "NUM", "the": "DET", "and": "CCONJ", "nano": "NOUN"},
        heads={2: 1, 6: 5},
    )
    chains = _product_chains(doc)
    assert _texts(doc, _chain_of(doc, chains, "iPhone").mentions) == ["iPhone"]
    assert _texts(doc, _chain_of(doc, chains, "iPod").mentions) == ["iPod"]
    assert _texts(doc, _chain_of(doc, chains, "iPod nano").mentions) == ["iPod nano"]


def test_cues_a_recurring_event_and_a_public_facility_are_no_organisations() -> None:
    doc = make_doc(
        "at the company 's annual Worldwide Developers Conference , horses at Randwick racecourse and Apple",
        pos={
            "at": "ADP",
            "the": "DET",
            "annual": "ADJ",
            "horses": "NOUN",
            "racecourse": "NOUN",
            "and": "CCONJ",
        },
        ents=[("Worldwide Developers Conference", "ORG"), ("Randwick", "ORG"), ("Apple", "ORG")],
    )
    assert [_cue(doc, n) for n in ("Worldwide Developers Conference", "Randwick", "Apple")] == [
        "EVENT",
        "FAC",
        None,
    ]


def test_classify_a_ranking_published_under_a_name_is_a_work() -> None:
    doc = make_doc(
        "according to the Global Terrorism Index , the Global Fund said",
        pos={"according": "VERB", "to": "ADP", "the": "DET", "said": "VERB"},
        ents=[("Global Terrorism Index", "ORG"), ("Global Fund", "ORG")],
    )
    chains = chain_mentions(doc, LEX, ner_mentions(doc, LEX, []))
    assert chain_type(doc, LEX, _chain_of(doc, chains, "Global Terrorism Index")) == "WORK_OF_ART"
    assert chain_type(doc, LEX, _chain_of(doc, chains, "Global Fund")) == "ORG"


def test_additions_a_law_name_goes_on_past_a_possessive_and_a_doctrine_is_no_name() -> None:
    doc = make_doc(
        "Congress 's Countering America 's Adversaries Through Sanctions Act , not Pan-Arabism",
        pos={"not": "PART"},
        ents=[("Congress", "ORG"), ("Countering America 's", "ORG"), ("Pan-Arabism", "ORG")],
    )
    mentions = extend_law_names(doc, LEX, ner_mentions(doc, LEX, []))
    assert [(doc[m.start : m.end].text, m.label) for m in mentions] == [
        ("Congress", "ORG"),
        ("Countering America's Adversaries Through Sanctions Act", "LAW"),
    ]


def test_additions_a_chamber_before_a_numbered_bill_is_the_bills_name() -> None:
    doc = make_doc(
        "against Senate Bill 461 , House Bill 2 passed , the Senate voted on the Bill and Congress 3",
        pos={"against": "ADP", "passed": "VERB", "the": "DET", "voted": "VERB", "on": "ADP", "and": "CCONJ"},
        ents=[
            ("Senate", "ORG"),
            ("Bill 461", "LAW"),
            ("House", "ORG"),
            ("Senate", "ORG"),
            ("Congress", "ORG"),
        ],
    )
    mentions = extend_law_names(doc, LEX, ner_mentions(doc, LEX, []))
    assert [(doc[m.start : m.end].text, m.label) for m in mentions] == [
        ("Senate Bill 461", "LAW"),
        ("House Bill 2", "LAW"),
        ("Senate", "ORG"),
        ("Congress", "ORG"),
    ]


def test_products_a_line_inside_a_known_makers_span_is_the_product() -> None:
    doc = make_doc(
        "four Rolls-Royce Trent 900 engines and a Lockheed Martin F-35",
        pos={"four": "NUM", "900": "NUM", "engines": "NOUN", "and": "CCONJ", "a": "DET", "F-35": "NUM"},
        ents=[("Rolls-Royce Trent 900", "ORG"), ("Lockheed Martin F-35", "ORG")],
        heads={1: 4, 2: 4, 3: 4, 7: 9, 8: 9},
    )
    mentions = add_products(doc, ner_mentions(doc, LEX, []))
    assert [(doc[m.start : m.end].text, m.label, m.canonical) for m in mentions] == [
        ("Rolls-Royce", "ORG", None),
        ("Trent 900", "PRODUCT", "Rolls-Royce Trent 900"),
        ("Lockheed Martin", "ORG", None),
        ("F-35", "PRODUCT", "Lockheed Martin F-35"),
    ]


def test_cues_a_version_or_a_feature_called_so_is_a_product_and_a_town_between_places() -> None:
    doc = make_doc(
        "a beta version of FaceTime , this feature is called Launchpad , girls from Chibok in Borno State",
        pos={"a": "DET", "beta": "NOUN", "version": "NOUN", "of": "ADP", "this": "DET", "feature": "NOUN"}
        | {"is": "AUX", "called": "VERB", "girls": "NOUN", "from": "ADP", "in": "ADP"},
        ents=[("FaceTime", "ORG"), ("Launchpad", "ORG"), ("Chibok", "ORG"), ("Borno State", "GPE")],
    )
    places = {16, 17}
    assert [_cue(doc, n, places) for n in ("FaceTime", "Launchpad", "Chibok")] == [
        "PRODUCT",
        "PRODUCT",
        "GPE",
    ]


def test_scan_with_no_forms_adds_nothing_in_capitals() -> None:
    # Names too short to look for in capitals ("IMF") leave no capital form, so a capitals line
    # can be scanned with none; an empty alternation matches the empty string between two
    # non-word characters, and spaCy gives an empty span where that is a token boundary.
    text = 'UPDATE: OFFICIALS SAID -- "THE LOAN WAS LATE."'
    doc = spacy.blank("en")(text)
    assert doc.char_span(45, 45) is not None  # between the full stop and the quote mark
    covered: set[int] = set()
    scan(doc, {}, covered, [(0, len(text))], text)
    assert covered == set()


def _resolved_names(doc: Doc) -> list[str]:
    set_extensions()
    EntityResolver(spacy.blank("en")).resolve(doc)
    return [e.name for e in get_entities(doc)]


def test_no_name_runs_across_a_sentence_start() -> None:
    # A name widened over the next capitalised word ("D." + "Gough") or a proper noun before it
    # ("Rosalind" + "Jordan") is cut where the pipeline set a sentence start: the piece spaCy
    # named stays, a piece that is only "The" is no name.
    doc = make_doc(
        "The notice went up on Q. The ministry denied it .",
        pos={"The": "DET", "went": "VERB", "up": "ADP", "on": "ADP", "denied": "VERB", "it": "PRON"},
        ents=[("Q.", "NORP")],
    )
    doc[6].is_sent_start = True  # "The" after the abbreviation
    assert _resolved_names(doc) == ["Q."]
    doc = make_doc(
        "Budget Approved- Maria Lopez told reporters .",
        pos={"told": "VERB", "reporters": "NOUN"},
        ents=[("Maria Lopez", "PERSON")],
    )
    doc[2].is_sent_start = True  # a headline ends before the name
    assert "Maria Lopez" in _resolved_names(doc)
    assert not any("Approved" in name for name in _resolved_names(doc))
    # two pieces spaCy named stay one name (the parser starts sentences inside results lines)
    doc = make_doc("7 . Anna Berger ( Austria ) 61.20", ents=[("Anna", "PERSON"), ("Berger", "PERSON")])
    doc[3].is_sent_start = True
    assert "Anna Berger" in _resolved_names(doc)
