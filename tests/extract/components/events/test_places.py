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
