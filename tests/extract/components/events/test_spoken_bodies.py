"""Rule tests of `_spoken_bodies`: the "we" of a speaker known by an office phrase ("a Twitter spokesman",
"the spokesperson" after "a Norwegian Foreign Ministry spokesman") is the organisation the phrase names;
a past holder's, a nationality's or an "I" stays the speaker; the speaker's own "we" is no target of
the speaker's act."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.models import Analysis
from tests.support.events import by_trigger, entity_names

Analyze = Callable[..., Analysis]


def test_quoted_we_of_a_described_spokesman_is_his_organisation(analyze_text: Analyze) -> None:
    a = analyze_text("“We condemn the attack on the aid convoy,” a Greenpeace spokesman said on Monday.")
    (condemned,) = by_trigger(a, "condemn")
    assert entity_names(a, condemned.source) == ["Greenpeace"]


def test_bare_the_spokesman_goes_back_to_the_one_introduced_with_a_body(analyze_text: Analyze) -> None:
    a = analyze_text(
        "A Norwegian Foreign Ministry spokesman voiced concern over the arrests. "
        "“We have repeatedly urged the Belarusian authorities to free the detainees,” the spokesman "
        "told reporters."
    )
    (urged,) = by_trigger(a, "urged")
    assert entity_names(a, urged.source) == ["Foreign Ministry"]


def test_the_speakers_own_we_is_no_target_of_the_speakers_act(analyze_text: Analyze) -> None:
    a = analyze_text(
        "A Norwegian Foreign Ministry spokesman voiced concern over the arrests. “We read reports of the "
        "arrests on Sunday and were saddened by reports of injuries,” the spokesman told reporters."
    )
    for event in a.events:
        assert "Foreign Ministry" not in entity_names(a, event.target)


def test_the_speakers_we_attacked_by_others_is_the_organisation(analyze_text: Analyze) -> None:
    a = analyze_text("“We were threatened by the militia last week,” a Greenpeace spokesman told reporters.")
    (threatened,) = by_trigger(a, "threatened")
    assert entity_names(a, threatened.target) == ["Greenpeace"]


def test_a_former_officials_we_is_not_the_body(analyze_text: Analyze) -> None:
    a = analyze_text("“We condemn the attack on the aid convoy,” a former Greenpeace official said Monday.")
    (condemned,) = by_trigger(a, "condemn")
    assert "Greenpeace" not in entity_names(a, condemned.source)


def test_a_nationalitys_official_stays_the_speaker(analyze_text: Analyze) -> None:
    a = analyze_text("“We condemn the attack on the aid convoy,” a Peruvian official said on Monday.")
    (condemned,) = by_trigger(a, "condemn")
    assert entity_names(a, condemned.source) == ["Peruvian official"]


def test_a_named_speakers_recorded_body_is_unchanged(analyze_text: Analyze) -> None:
    a = analyze_text("“We condemn the attack on the aid convoy,” said Anna Berg of the Salvation Army.")
    (condemned,) = by_trigger(a, "condemn")
    assert entity_names(a, condemned.source) == ["Salvation Army"]
