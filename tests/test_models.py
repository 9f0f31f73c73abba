"""The Analysis contract: JSON round trip, schema, and the invariants the types enforce."""

from __future__ import annotations

import re

import orjson
import pytest
from pydantic import ValidationError

from newsgraph.models import (
    SCHEMA_VERSION,
    Analysis,
    Entity,
    Event,
    Mention,
    Quantity,
    Quote,
    Time,
    Trigger,
    json_schema,
    offset_problems,
)

TEXT = "Rebels attacked the town on Sunday, killing 12 soldiers, the army said."


def _analysis() -> Analysis:
    return Analysis(
        id="a1",
        hash="0" * 64,
        published="2024-03-10",
        text=TEXT,
        entities=[
            Entity(
                id="e1",
                name="army",
                type="ORG",
                mentions=[Mention(start=57, end=65, text="the army", kind="description")],
            ),
            Entity(id="e2", name="Rebels", type="GROUP", sector="rebel"),
        ],
        quotes=[Quote(id="q1", kind="indirect", start=0, end=55, text=TEXT[:55], speaker="e1", cue="say")],
        events=[
            Event(
                id="v1",
                type="ASSAULT",
                source=["e2"],
                trigger=Trigger(start=7, end=15, text="attacked"),
                dead=12,
                sentence=0,
            )
        ],
        quantities=[
            Quantity(
                start=44, end=55, text="12 soldiers", value=12, unit="soldier", sentence=0, claimant="e1"
            )
        ],
        times=[Time(id="t1", start=25, end=34, text="on Sunday", type="DATE", value="2024-03-10")],
        summary=[0],
    )


def test_models_json_round_trip_is_lossless() -> None:
    analysis = _analysis()
    data = analysis.to_json()
    again = Analysis.from_json(data)
    assert again == analysis
    assert again.to_json() == data


def test_models_schema_key_comes_first_and_is_versioned() -> None:
    d = _analysis().to_dict()
    assert next(iter(d)) == "schema"
    assert d["schema"] == SCHEMA_VERSION


def test_models_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Analysis.model_validate({"id": "x", "hash": "h", "text": "t", "speakr": "typo"})


def test_models_event_type_must_be_plover() -> None:
    with pytest.raises(ValidationError):
        Event(id="v1", type="ATTACK", trigger=Trigger(start=0, end=1, text="a"), sentence=0)  # type: ignore[arg-type]


def test_models_json_schema_describes_every_list() -> None:
    schema = json_schema()
    props = schema["properties"]
    for key in ("entities", "quotes", "events", "quantities", "times", "places", "summary", "removed"):
        assert key in props
    assert schema["title"] == SCHEMA_VERSION
    assert "Quote" in schema["$defs"] and "Event" in schema["$defs"]


def test_models_entity_types_include_disease_and_index_and_kb_link() -> None:
    entity_def = json_schema()["$defs"]["Entity"]
    assert {"DISEASE", "INDEX", "GROUP", "PRODUCT"} <= set(entity_def["properties"]["type"]["enum"])
    assert "kb" in entity_def["properties"]
    entity = Entity(id="e1", name="World Health Organization", type="ORG", kb="phoenix:IGOWHO")
    assert Entity.model_validate(entity.model_dump()).kb == "phoenix:IGOWHO"
    with pytest.raises(ValidationError):
        Entity(id="e2", name="Tuesday", type="WEEKDAY")  # type: ignore[arg-type]


def test_models_offsets_of_the_fixture_hold() -> None:
    analysis = _analysis()
    assert offset_problems(analysis) == []
    for mention in analysis.entities[0].mentions:
        assert TEXT[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("path", "change", "message"),
    [
        (("quantities", 0), {"end": 54}, "quantities[0]: text[44:54] is '12 soldier', not '12 soldiers'"),
        (("times", 0), {"start": 26, "end": 35}, "times[0]: text[26:35] is 'n Sunday,', not 'on Sunday'"),
        (("quotes", 0), {"end": 99}, "quotes[0] [0:99] lies outside the text (length 71)"),
        (("quotes", 0), {"cue_start": 70, "cue_end": 80}, "quotes[0].cue [70:80] lies outside the text"),
        (
            ("quotes", 0),
            {"speaker_start": 57, "speaker_end": 65, "speaker_text": "the navy"},
            "quotes[0].speaker: text[57:65] is 'the army', not 'the navy'",
        ),
    ],
)
def test_models_a_wrong_offset_is_a_validation_error_naming_it(
    path: tuple[str, int], change: dict[str, object], message: str
) -> None:
    data = _analysis().to_dict()
    data[path[0]][path[1]].update(change)
    with pytest.raises(ValidationError, match=re.escape(message)):
        Analysis.model_validate(data)


def test_models_wrong_mention_and_trigger_offsets_are_rejected_from_json() -> None:
    data = _analysis().to_dict()
    data["entities"][0]["mentions"][0]["start"] = 61
    data["events"][0]["trigger"]["text"] = "attacks"
    with pytest.raises(ValidationError) as caught:
        Analysis.from_json(orjson.dumps(data))
    error = str(caught.value)
    assert "entities[0].mentions[0]: text[61:65] is 'army', not 'the army'" in error
    assert "events[0].trigger: text[7:15] is 'attacked', not 'attacks'" in error


def test_models_entity_lookup() -> None:
    analysis = _analysis()
    entity = analysis.entity("e2")
    assert entity is not None and entity.name == "Rebels"
    assert analysis.entity("e9") is None
    assert analysis.entity(None) is None
