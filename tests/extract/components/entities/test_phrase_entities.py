"""The entities that quotes and events make of phrases no entity covers (hand-built Docs)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.extract.extensions import get_entities, new_entity, set_extensions
from newsgraph.extract.phrase_entities import phrase_entity, phrase_kind, phrase_type
from newsgraph.models import Analysis
from tests.support.entity_docs import make_doc

_TEXT = (
    "Tuesday 's attack , the Secretary , Team , the coast guard , Assistant Secretary , Riot police ,"
    " the Federal Agriculture Minister , Dog Meat Free Indonesia , the Global Terrorism Index , Baidu"
)
_HEADS = {1: 0, 4: 5, 9: 11, 10: 11, 13: 14, 19: 22, 20: 22, 21: 22, 24: 27, 25: 27, 26: 27, 29: 32}
_HEADS |= {30: 32, 31: 32}


def _doc():  # type: ignore[no-untyped-def]
    set_extensions()
    return make_doc(
        _TEXT,
        pos={"attack": "NOUN", "the": "DET", "coast": "NOUN", "guard": "NOUN", "police": "NOUN"},
        ents=[("Tuesday", "DATE"), ("Riot", "PERSON")],
        heads=_HEADS,
    )


def test_phrase_kind_dates_titles_generic_words_and_names() -> None:
    doc = _doc()
    spans = [(0, 2), (4, 6), (7, 8), (9, 12), (13, 15), (16, 17), (19, 23), (24, 28), (29, 33), (34, 35)]
    assert {doc[a:b].text: phrase_kind(doc[a:b]) for a, b in spans} == {
        "Tuesday's": None,
        "the Secretary": "description",
        "Team": "description",
        "the coast guard": "description",
        "Assistant Secretary": "description",
        "Riot": "description",
        "the Federal Agriculture Minister": "description",
        "Dog Meat Free Indonesia": "name",
        "the Global Terrorism Index": "name",
        "Baidu": "name",
    }


def test_phrase_entity_no_date_a_title_is_a_person_description_a_name_is_found() -> None:
    doc = _doc()
    baidu = new_entity(doc, "Baidu", "ORG")
    assert phrase_entity(doc, doc[0:2], "ORG") is None
    secretary = phrase_entity(doc, doc[4:6], "ORG")
    assert secretary is not None
    assert (secretary.name, secretary.type, [m.kind for m in secretary.mentions]) == (
        "Secretary",
        "PERSON",
        ["description"],
    )
    found = phrase_entity(doc, doc[34:35], "ORG", find=lambda name: baidu if name == "Baidu" else None)
    assert found is baidu
    assert [(m.text, m.kind) for m in baidu.mentions] == [("Baidu", "name")]
    assert len(get_entities(doc)) == 2


def test_phrase_type_a_document_name_is_a_work_not_an_organisation() -> None:
    doc = _doc()
    assert phrase_type(doc[29:33], "ORG") == "WORK_OF_ART"
    assert phrase_type(doc[24:28], "ORG") == "ORG"


def test_phrase_entities_in_the_pipeline_no_date_title_or_generic_word_is_a_name(
    analyze_text: Callable[..., Analysis],
) -> None:
    analysis = analyze_text(
        "Militants attacked a passenger train in Balochistan on Tuesday. Security sources have said"
        " those involved in Tuesday's attack are based in Afghanistan. Apple released the email,"
        " which reads: Team, at my request the board has granted me a leave of absence."
        " “We are reviewing the contract,” the Secretary said. According to the Global Peace Index,"
        " deaths rose by 45%.",
        clean=False,
    )
    names = {(e.name, e.type) for e in analysis.entities if any(m.kind == "name" for m in e.mentions)}
    assert not {n for n, _ in names} & {"Tuesday", "Team", "Secretary", "the Secretary"}
    assert ("the Global Peace Index", "WORK_OF_ART") in names
    secretary = next(q for q in analysis.quotes if q.speaker_text == "the Secretary")
    speaker = next(e for e in analysis.entities if e.id == secretary.speaker)
    assert (speaker.type, [m.kind for m in speaker.mentions]) == ("PERSON", ["description"])
