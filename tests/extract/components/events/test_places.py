"""Rule tests of the events component's places: ground an event covers is where, not its party."""

from __future__ import annotations

from spacy.tokens import Span

from newsgraph.extract.components.events._arguments import ArgumentFinder
from newsgraph.extract.components.events._grammar import Grammar
from newsgraph.extract.components.events._lexicon import load_lexicon
from tests.support.event_parses import parsed, spec


def test_places_ground_under_over_or_across_is_no_target() -> None:
    """ "probing incidents over American soil", "strikes across Syria": where; "against Syria" is whom."""
    lex = load_lexicon()
    args = ArgumentFinder(lex, Grammar(lex, frozenset()))
    soil = parsed(
        spec(
            "The/1/det/DT/DET board/2/nsubj/NN/NOUN is/3/aux/VBZ/AUX probing/3/ROOT/VBG/VERB "
            "incidents/3/dobj/NNS/NOUN over/3/prep/IN/ADP American/7/amod/JJ/ADJ soil/5/pobj/NN/NOUN"
        )
    )
    assert args.prep_target(soil[3], "ACCUSE", set()) is None
    for prep, found in (("across", None), ("over", None), ("against", "Syria")):
        doc = parsed(
            spec(
                f"Jets/1/nsubj/NNS/NOUN launched/1/ROOT/VBD/VERB strikes/1/dobj/NNS/NOUN "
                f"{prep}/2/prep/IN/ADP Syria/3/pobj/NNP/PROPN"
            )
        )
        doc.ents = [Span(doc, 4, 5, label="GPE")]
        target = args.prep_target(doc[2], "ASSAULT" if prep != "over" else "ACCUSE", set())
        assert (target.text if target is not None else None) == found
    # an accusation "over" a person's act still names no place: a person object stays a target
    doc = parsed(
        spec(
            "Kyiv/1/nsubj/NNP/PROPN accused/1/ROOT/VBD/VERB Moscow/1/dobj/NNP/PROPN over/1/prep/IN/ADP "
            "Putin/3/pobj/NNP/PROPN"
        )
    )
    doc.ents = [Span(doc, 4, 5, label="PERSON")]
    target = args.prep_target(doc[1], "ACCUSE", set())
    assert target is not None and target.text == "Putin"


def test_places_the_owner_of_a_topic_noun_is_no_target() -> None:
    """ "investigate the soldier's death": the dead soldier is no suspect; "the soldier's unit" names him."""
    lex = load_lexicon()
    args = ArgumentFinder(lex, Grammar(lex, frozenset()))

    def target(noun: str) -> str | None:
        doc = parsed(
            spec(
                "Police/1/nsubj/NNS/NOUN investigate/1/ROOT/VBP/VERB the/3/det/DT/DET soldier/5/poss/NN/NOUN "
                f"'s/3/case/POS/PART {noun}/1/dobj/NN/NOUN"
            )
        )
        found = args._theme_target(doc[1], doc[5], "ACCUSE", {0})
        return found.text if found is not None else None

    assert target("death") is None
    assert target("fate") is None
    assert target("unit") == "soldier"


def test_places_a_threat_to_someone_s_safety_targets_them() -> None:
    """ "threatened the journalist's safety": a harm to a person's condition is done to the person."""
    lex = load_lexicon()
    args = ArgumentFinder(lex, Grammar(lex, frozenset()))
    doc = parsed(
        spec(
            "Gunmen/1/nsubj/NNS/NOUN threatened/1/ROOT/VBD/VERB the/3/det/DT/DET journalist/5/poss/NN/NOUN "
            "'s/3/case/POS/PART safety/1/dobj/NN/NOUN"
        )
    )
    found = args._theme_target(doc[1], doc[5], "THREATEN", {0})
    assert found is not None and found.text == "journalist"


def test_places_the_ground_of_a_partner_or_a_request_is_no_party() -> None:
    """ "In Norway, the council coordinated relief work", "raised funds in Ohio": where the act is done, not
    with or of whom; a measure's ground is its target ("lifted a curfew in Gao")."""
    lex = load_lexicon()
    args = ArgumentFinder(lex, Grammar(lex, frozenset()))

    def target(words: str, verb: int, obj: int, type_: str, place: int) -> str | None:
        doc = parsed(spec(words))
        doc.ents = [Span(doc, place, place + 1, label="GPE")]
        found = args._theme_target(doc[verb], doc[obj], type_, set())
        return found.text if found is not None else None

    fronted = (
        "In/5/prep/IN/ADP Norway/0/pobj/NNP/PROPN ,/5/punct/,/PUNCT the/4/det/DT/DET "
        "council/5/nsubj/NN/NOUN coordinated/5/ROOT/VBD/VERB relief/7/compound/NN/NOUN work/5/dobj/NN/NOUN"
    )
    assert target(fronted, 5, 7, "COOPERATE", 1) is None
    funds = (
        "The/1/det/DT/DET charity/2/nsubj/NN/NOUN raised/2/ROOT/VBD/VERB funds/2/dobj/NNS/NOUN "
        "in/2/prep/IN/ADP Ohio/4/pobj/NNP/PROPN"
    )
    assert target(funds, 2, 3, "REQUEST", 5) is None
    curfew = (
        "The/1/det/DT/DET army/2/nsubj/NN/NOUN lifted/2/ROOT/VBD/VERB a/4/det/DT/DET curfew/2/dobj/NN/NOUN "
        "in/2/prep/IN/ADP Gao/5/pobj/NNP/PROPN"
    )
    assert target(curfew, 2, 4, "CONCEDE", 6) == "Gao"


def test_places_an_event_nouns_own_place_phrase_is_where_not_whom() -> None:
    """ "the raids in Kandahar", "the raids at Kandahar": where they happened; "the raids on Kandahar" and
    "the raids against Kandahar" name what was raided; "the raids at police" name no ground."""
    lex = load_lexicon()
    args = ArgumentFinder(lex, Grammar(lex, frozenset()))

    def target(prep: str, place: str, label: str) -> str | None:
        doc = parsed(
            spec(
                "Officials/1/nsubj/NNS/NOUN condemned/1/ROOT/VBD/VERB the/3/det/DT/DET raids/1/dobj/NNS/NOUN "
                f"{prep}/3/prep/IN/ADP {place}/4/pobj/NNP/PROPN"
            )
        )
        doc.ents = [Span(doc, 5, 6, label=label)]
        found = args.noun_args(doc[3], "ASSAULT", None)[1]
        return found.text if found is not None else None

    assert target("in", "Kandahar", "GPE") is None
    assert target("at", "Kandahar", "GPE") is None
    assert target("on", "Kandahar", "GPE") == "Kandahar"
    assert target("against", "Kandahar", "GPE") == "Kandahar"
    assert target("at", "Hamas", "ORG") == "Hamas"


def test_places_a_verbs_own_place_phrase_is_where_not_whom() -> None:
    """ "bombs will explode in Brussels": where; "on Brussels" and "at Brussels" aim at it, "at the Coliseum"
    is where again, and "intervene in Libya" acts on Libya."""
    lex = load_lexicon()
    args = ArgumentFinder(lex, Grammar(lex, frozenset()))

    def target(verb: str, prep: str, place: str, label: str) -> str | None:
        doc = parsed(
            spec(
                f"Rebels/2/nsubj/NNS/NOUN will/2/aux/MD/AUX {verb}/2/ROOT/VB/VERB {prep}/2/prep/IN/ADP "
                f"{place}/3/pobj/NNP/PROPN"
            )
        )
        doc.ents = [Span(doc, 4, 5, label=label)]
        found = args.prep_target(doc[2], "ASSAULT", set())
        return found.text if found is not None else None

    assert target("strike", "in", "Brussels", "GPE") is None
    assert target("strike", "at", "Coliseum", "FAC") is None
    assert target("strike", "on", "Brussels", "GPE") == "Brussels"
    assert target("strike", "at", "Brussels", "GPE") == "Brussels"
    assert target("strike", "in", "Hamas", "ORG") == "Hamas"
    assert target("intervene", "in", "Libya", "GPE") == "Libya"
